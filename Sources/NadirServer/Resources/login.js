// Login page: POST /api/login, then the workstation.
"use strict";
document.getElementById("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("login-error");
  error.textContent = "";
  const response = await fetch("/api/login", {
    method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
    body: JSON.stringify({ name: document.getElementById("login-name").value, password: document.getElementById("login-password").value }),
  });
  if (response.ok) { window.location.assign("/#/worklist"); return; }
  const body = await response.json().catch(() => ({ error: response.statusText }));
  error.textContent = body.error || "login failed";
});
