/* Click-to-load video: the page shows a thumbnail and a play button; the player, and every
   request to the video host, waits in an inert <template> until the reader asks for it. */
(function () {
  "use strict";
  function play(button) {
    var box = button.closest(".hm-video");
    var template = box && box.querySelector("template.hm-video-player");
    var iframe = template && template.content && template.content.querySelector("iframe");
    if (!iframe) return;
    iframe = document.importNode(iframe, true);
    while (box.firstChild) box.removeChild(box.firstChild);
    box.removeAttribute("data-hm-facade");
    box.appendChild(iframe);
    // Keyboard users land in the player they just started.
    iframe.focus();
  }
  // Delegated, so blocks added after load (instant navigation) work too.
  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("button.hm-video-play") : null;
    if (button) play(button);
  });
})();
