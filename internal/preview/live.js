// bindery serve: reload this page when the preview rebuilds (server-sent events). The page
// knows the build generation it shows (and the index also the PDFs'); the stream sends the
// current ones on connecting and after every rebuild, so a rebuild between loading the page
// and connecting is not missed.
(function () {
  var me = document.currentScript;
  var want = { build: me.getAttribute("data-generation"), pdf: me.getAttribute("data-pdf") };
  var events = new EventSource("/_bindery/events");
  function check(kind) {
    return function (e) {
      if (kind === "build") {
        document.documentElement.setAttribute("data-bindery-live", e.data);
      }
      if (want[kind] !== null && e.data !== want[kind]) {
        events.close();
        location.reload();
      }
    };
  }
  events.addEventListener("build", check("build"));
  events.addEventListener("pdf", check("pdf"));
})();
