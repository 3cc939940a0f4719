// Site search with Pagefind. The index is built right after MkDocs builds the site (see
// src/briefkit/search/) and split into chunks, so a first search downloads only what it needs.
// Keyboard: "/" or "s" focuses the box, arrows move through the results, Escape closes them.
(function () {
  "use strict";
  const holder = document.getElementById("bk-search");
  if (!holder || typeof PagefindUI === "undefined") {
    return;
  }
  // The bundle's address is written relative to the page; Pagefind wants paths from the host,
  // which also tells it the site's base path when it is published under /REPO/.
  const bundle = new URL(holder.dataset.bundle, window.location.href).pathname;
  const ui = new PagefindUI({
    element: "#bk-search",
    bundlePath: bundle,
    baseUrl: bundle.replace(/pagefind\/$/, ""),
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    highlightParam: "highlight",
    translations: { placeholder: "Search briefings" },
    // A briefing's result shows its date and topics on one line (its other metadata is for the
    // search page); Pagefind's box lists every metadata field by name otherwise.
    processResult: function (result) {
      const meta = result.meta || {};
      const shown = { title: meta.title };
      if (meta.day) {
        shown.briefing = meta.topics ? meta.day + " · " + meta.topics : meta.day;
      }
      if (meta.url) {
        shown.url = meta.url;
      }
      result.meta = shown;
      return result;
    },
  });

  // Pagefind's box has a placeholder and a title but no accessible name of its own.
  const box = holder.querySelector("input");
  if (box) {
    box.setAttribute("aria-label", "Search briefings");
  }

  function input() {
    return holder.querySelector("input");
  }

  function results() {
    return Array.from(holder.querySelectorAll("a.pagefind-ui__result-link"));
  }

  document.addEventListener("keydown", function (event) {
    const box = input();
    if (!box) {
      return;
    }
    const target = event.target;
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].indexOf(target.tagName) !== -1);
    if ((event.key === "/" || event.key === "s") && !typing && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      box.focus();
      return;
    }
    if (!holder.contains(target)) {
      return;
    }
    const links = results();
    const index = links.indexOf(target);
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index !== -1) {
      event.preventDefault();
      if (index === 0) {
        box.focus();
      } else {
        links[index - 1].focus();
      }
    } else if (event.key === "Escape") {
      ui.triggerSearch("");
      box.value = "";
      box.blur();
    }
  });
})();
