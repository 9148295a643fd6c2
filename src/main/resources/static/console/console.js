// The console's only script (the Content-Security-Policy allows no inline script): login through the
// session API, logout, and the CSRF header on every htmx request.
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

  document.addEventListener("DOMContentLoaded", function () {
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
