/* Balai public pages: click-to-load video and "copy link". No third-party code; nothing runs
   that a page without JavaScript would miss except these two conveniences. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var play = event.target.closest(".video-play");
    if (play) {
      // The provider's player (and its cookies) load only now, after the reader asked for it.
      var frame = document.createElement("iframe");
      frame.src = play.getAttribute("data-embed");
      frame.title = play.getAttribute("data-title") || "Video";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video-frame";
      play.replaceWith(frame);
      frame.focus();
      return;
    }
    var copy = event.target.closest(".copy-link");
    if (copy && navigator.clipboard) {
      navigator.clipboard.writeText(copy.getAttribute("data-copy")).then(function () {
        copy.textContent = copy.getAttribute("data-done");
      });
    }
  });
})();
