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

  // An FX quote's countdown: the seconds the platform still holds the price, counted down in the browser; at
  // zero the convert button is disabled (the server refuses an expired quote anyway).
  function countdowns() {
    document.querySelectorAll(".countdown[data-seconds]").forEach(function (element) {
      let left = parseInt(element.dataset.seconds, 10);
      const button = document.querySelector("[data-expires='" + element.id + "']");
      function tick() {
        if (left <= 0) {
          element.textContent = element.dataset.expiredText;
          element.classList.add("text-danger");
          if (button) {
            button.disabled = true;
          }
          return;
        }
        element.textContent = left + " s";
        left -= 1;
        window.setTimeout(tick, 1000);
      }
      tick();
    });
  }

  const zh = (document.documentElement.lang || "").startsWith("zh");
  const words = zh ? {previous: "上一页", next: "下一页", page: "第 {0} / {1} 页", sort: "排序"}
      : {previous: "Previous", next: "Next", page: "Page {0} of {1}", sort: "Sort"};

  function cellValue(row, index) {
    const text = (row.cells[index] ? row.cells[index].textContent : "").trim();
    const number = text.replace(/[,\s%]/g, "").replace(/[A-Z]{3}$/, "");
    return number !== "" && !isNaN(number) ? parseFloat(number) : text.toLowerCase();
  }

  // Long tables page and sort in the browser: each header is a button (so the keyboard reaches it), and a
  // table with data-page-size shows that many rows at a time with previous / next buttons.
  function tables() {
    document.querySelectorAll("table.sortable, table[data-page-size]").forEach(function (table) {
      const body = table.tBodies[0];
      if (!body) {
        return;
      }
      const size = parseInt(table.dataset.pageSize || "0", 10);
      let page = 0;
      let pager = null;
      function render() {
        const rows = Array.from(body.rows);
        const pages = size > 0 ? Math.max(1, Math.ceil(rows.length / size)) : 1;
        page = Math.min(page, pages - 1);
        rows.forEach(function (row, i) {
          row.hidden = size > 0 && (i < page * size || i >= (page + 1) * size);
        });
        if (pager) {
          pager.querySelector(".page-of").textContent = words.page.replace("{0}", page + 1).replace("{1}", pages);
          pager.querySelector(".page-previous").disabled = page === 0;
          pager.querySelector(".page-next").disabled = page >= pages - 1;
        }
      }
      if (size > 0 && body.rows.length > size) {
        pager = document.createElement("nav");
        pager.className = "d-flex gap-2 align-items-center mb-3 table-pager";
        pager.setAttribute("aria-label", words.page.replace("{0}", "").replace("{1}", ""));
        pager.innerHTML = "<button type='button' class='btn btn-sm btn-outline-secondary page-previous'></button>"
            + "<span class='small page-of' aria-live='polite'></span>"
            + "<button type='button' class='btn btn-sm btn-outline-secondary page-next'></button>";
        pager.querySelector(".page-previous").textContent = words.previous;
        pager.querySelector(".page-next").textContent = words.next;
        pager.querySelector(".page-previous").addEventListener("click", function () { page -= 1; render(); });
        pager.querySelector(".page-next").addEventListener("click", function () { page += 1; render(); });
        table.after(pager);
      }
      if (table.classList.contains("sortable") && table.tHead) {
        Array.from(table.tHead.rows[0].cells).forEach(function (th, index) {
          if (!th.textContent.trim()) {
            return;
          }
          const button = document.createElement("button");
          button.type = "button";
          button.className = "btn btn-link btn-sm p-0 text-reset text-decoration-none fw-semibold sort";
          button.textContent = th.textContent;
          button.title = words.sort;
          th.textContent = "";
          th.appendChild(button);
          th.setAttribute("aria-sort", "none");
          button.addEventListener("click", function () {
            const ascending = th.getAttribute("aria-sort") !== "ascending";
            Array.from(table.tHead.rows[0].cells).forEach(function (other) {
              if (other.hasAttribute("aria-sort")) {
                other.setAttribute("aria-sort", "none");
              }
            });
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            const rows = Array.from(body.rows);
            rows.sort(function (a, b) {
              const x = cellValue(a, index);
              const y = cellValue(b, index);
              const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            page = 0;
            render();
          });
        });
      }
      render();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    countdowns();
    tables();
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
