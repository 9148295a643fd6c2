// The console's only script (the Content-Security-Policy allows no inline script): login through the
// session API, logout, the CSRF header on every htmx request, and the charts: each element with a
// data-chart attribute (JSON written by the server: type, categories, series) is drawn with Apache ECharts,
// served from its WebJar.
(function () {
  "use strict";

  function cookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // htmx requests that change something carry the CSRF token like every other console call
  document.addEventListener("htmx:configRequest", function (event) {
    const token = cookie("XSRF-TOKEN");
    if (token) {
      event.detail.headers["X-XSRF-TOKEN"] = token;
    }
  });

  function drawCharts() {
    if (typeof window.echarts === "undefined") {
      return;
    }
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      const data = JSON.parse(element.dataset.chart);
      const chart = window.echarts.init(element, null, {renderer: "canvas"});
      chart.setOption({
        animation: false,
        tooltip: {trigger: "axis"},
        legend: {top: 0},
        grid: {left: 60, right: 20, top: 30, bottom: 30},
        xAxis: {type: "category", data: data.categories},
        yAxis: {type: "value"},
        series: data.series.map(function (s) {
          return {name: s.name, type: data.type || "bar", data: s.data, barMaxWidth: 48};
        })
      });
      element.dataset.drawn = "true";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    const form = document.getElementById("login-form");
    if (form) {
      form.addEventListener("submit", async function (event) {
        event.preventDefault();
        const error = document.getElementById("login-error");
        error.classList.add("d-none");
        const body = {
          email: form.email.value.trim(),
          password: form.password.value,
          totp: form.totp.value.trim()
        };
        const response = await fetch("/console/session", {
          method: "POST",
          headers: {"Content-Type": "application/json", "Accept": "application/json"},
          body: JSON.stringify(body),
          credentials: "same-origin"
        });
        if (response.ok) {
          window.location.assign("/console/app");
          return;
        }
        let detail = response.status + "";
        try {
          const problem = await response.json();
          detail = problem.detail || problem.title || detail;
        } catch (ignored) {
          // not a problem document
        }
        error.textContent = error.dataset.prefix + ": " + detail;
        error.classList.remove("d-none");
        form.totp.value = "";
        form.totp.focus();
      });
    }
    const logout = document.getElementById("logout");
    if (logout) {
      logout.addEventListener("click", async function () {
        await fetch("/console/session", {
          method: "DELETE",
          headers: {"X-XSRF-TOKEN": cookie("XSRF-TOKEN") || ""},
          credentials: "same-origin"
        });
        window.location.assign("/console/login");
      });
    }
  });
})();
