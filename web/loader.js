// az401's loading script. It is written inline in the page's head
// (app/handler.go), so it runs before go-app's deferred app.js without a
// request of its own.
(function () {
  var sw = navigator.serviceWorker;

  // The service worker precaches the whole site, app.wasm included. go-app
  // registers it at once, so on a first visit the worker would download
  // and store app.wasm while the page is still downloading and compiling
  // it: twice the bytes on the wire, and the CPU shared with the install.
  // Registration waits until the page has mounted ("az401-ready",
  // app/shell.go), or 20 s if WebAssembly never starts, so the page still
  // installs for offline use.
  if (sw && sw.register) {
    var register = sw.register.bind(sw);
    sw.register = function () {
      var args = arguments;
      return new Promise(function (resolve, reject) {
        var done = false;
        var go = function () {
          if (done) return;
          done = true;
          register.apply(null, args).then(resolve, reject);
        };
        window.addEventListener("az401-ready", function () { setTimeout(go, 0); }, { once: true });
        setTimeout(go, 20000);
      });
    };
  }

  // go-app's loading label ("Loading… 42%") becomes a progress bar, and
  // its percentage the megabytes read ("3.4 of 8.6 MB"): the pre-rendered
  // form stays visible above it while app.wasm downloads. The total is
  // app.wasm's size written into app.js at build time (the raw size:
  // GitHub Pages sends it gzipped, so Content-Length would be smaller
  // than what is read).
  function watch() {
    var loader = document.getElementById("app-wasm-loader");
    var label = document.getElementById("app-wasm-loader-label");
    if (!loader || !label) return;
    var mb = function (bytes) { return (bytes / 1e6).toFixed(1); };
    var set = function () {
      var m = /(\d+)%/.exec(label.textContent || "");
      if (!m) return;
      var share = Math.min(100, +m[1]) / 100;
      loader.style.setProperty("--progress", share);
      var total = typeof goappWasmContentLength === "undefined" ? 0 : parseInt(goappWasmContentLength, 10);
      if (total > 0) label.textContent = label.textContent.replace(m[0], mb(share * total) + " of " + mb(total) + " MB");
    };
    set();
    new MutationObserver(set).observe(label, { childList: true, characterData: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();

  // Typing or pasting before the engine runs: the pre-rendered verdict
  // ("Nothing to diagnose yet…") would be wrong; it says the input is
  // kept and checked once the engine has loaded (the page takes what was
  // typed when it mounts, and draws its own verdict).
  var ready = false;
  window.addEventListener("az401-ready", function () { ready = true; }, { once: true });
  document.addEventListener("input", function () {
    var verdict = document.getElementById("verdict");
    if (ready || !verdict) return;
    verdict.textContent = "Kept: what you enter is checked as soon as the diagnosis engine has loaded (below).";
  });
})();
