// Event page: bring the highlighted source sentence into view.
(function () {
  "use strict";
  var hl = document.getElementById("hl");
  if (hl) { hl.scrollIntoView({ block: "nearest" }); }
})();
