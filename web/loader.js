// Turns go-app's loading label ("Loading… 42%") into a progress bar: the
// pre-rendered form stays visible below it while app.wasm downloads.
(function () {
  function watch() {
    var loader = document.getElementById("app-wasm-loader");
    var label = document.getElementById("app-wasm-loader-label");
    if (!loader || !label) return;
    var set = function () {
      var m = /(\d+)%/.exec(label.textContent || "");
      if (m) loader.style.setProperty("--progress", Math.min(100, +m[1]) + "%");
    };
    set();
    new MutationObserver(set).observe(label, { childList: true, characterData: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
