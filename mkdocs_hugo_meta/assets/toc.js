/* Marks the table-of-contents entry of the section being read. Optional: without this script
   the box and its links work the same. */
(function () {
  "use strict";
  var box = document.querySelector("details.hm-toc");
  if (!box || !window.requestAnimationFrame) return;
  var entries = [];
  box.querySelectorAll('a[href^="#"]').forEach(function (link) {
    var id;
    try {
      id = decodeURIComponent(link.getAttribute("href").slice(1));
    } catch (e) {
      return;
    }
    var target = document.getElementById(id);
    if (target) entries.push({ link: link, target: target });
  });
  if (!entries.length) return;
  var current = null;
  var pending = false;

  function update() {
    pending = false;
    // The last heading whose top has passed the upper quarter of the viewport.
    var limit = window.innerHeight / 4;
    var found = null;
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].target.getBoundingClientRect().top <= limit) found = entries[i];
      else break;
    }
    if (found === current) return;
    if (current) {
      current.link.classList.remove("hm-toc-active");
      current.link.removeAttribute("aria-current");
    }
    current = found;
    if (current) {
      current.link.classList.add("hm-toc-active");
      current.link.setAttribute("aria-current", "location");
    }
  }

  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(update);
    }
  }

  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  window.addEventListener("hashchange", schedule);
  update();
})();
