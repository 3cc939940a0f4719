// The search box in the header, on Pagefind's JavaScript API. The index is built right after MkDocs
// builds the site (see src/briefkit/search/) and split into chunks, so a first search downloads
// only what it needs: this box loads no filters (the search page does, for its counts), which
// Pagefind's own UIs load on start. Its markup keeps Pagefind UI's class names, so that Pagefind's
// stylesheet lays it out. Each result shows a briefing's date and topics, and the box links to the
// search page for more. Keyboard: "/" or "s" focuses the box, arrows move through the results,
// Escape clears them.
(function () {
  "use strict";
  const holder = document.getElementById("bk-search");
  if (!holder) {
    return;
  }
  const SHOWN = 5;
  const WAIT_MS = 250;
  // The bundle's address is written relative to the page; links from the index are from the site's root.
  const bundle = new URL(holder.dataset.bundle, window.location.href);
  const root = bundle.pathname.replace(/pagefind\/$/, "");
  const searchPage = new URL("../search/", bundle);

  const form = element("form", "pagefind-ui__form");
  form.setAttribute("role", "search");
  const box = element("input", "pagefind-ui__search-input");
  box.type = "text";
  box.placeholder = "Search briefings";
  box.setAttribute("aria-label", "Search briefings");
  box.autocomplete = "off";
  const clear = element("button", "pagefind-ui__search-clear");
  clear.type = "button";
  clear.textContent = "Clear";
  const drawer = element("div", "pagefind-ui__drawer");
  // The clear button is in the form only while there is something to clear (Pagefind's stylesheet shows it).
  form.append(box, drawer);
  const ui = element("div", "pagefind-ui");
  ui.appendChild(form);
  holder.appendChild(ui);

  let pagefind = null;
  let results = [];
  let shown = 0;
  let term = "";
  let searches = 0;
  let timer = 0;

  function element(tag, className) {
    const made = document.createElement(tag);
    made.className = className;
    return made;
  }

  async function load() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind.js", bundle).href);
      await pagefind.options({ baseUrl: root, excerptLength: 20 });
    }
    return pagefind;
  }

  async function search(query) {
    const mine = ++searches;
    term = query;
    if (!query) {
      results = [];
      drawer.replaceChildren();
      clear.remove();
      return;
    }
    const engine = await load();
    // Briefings first, then the other pages, each part in Pagefind's order. Pagefind's ranking
    // favours a short page whatever its weight, so a name's page of 50 words could come before a
    // briefing that names the person; two searches split by the `kind` filter cannot.
    const found = await Promise.all([
      engine.search(query, { filters: { kind: "briefing" } }),
      engine.search(query, { filters: { kind: { none: ["briefing"] } } }),
    ]);
    if (mine !== searches) {
      return; // a newer search has started
    }
    results = found[0].results.concat(found[1].results);
    shown = 0;
    const area = element("div", "pagefind-ui__results-area");
    const message = element("p", "pagefind-ui__message");
    message.setAttribute("role", "status");
    const list = element("ol", "pagefind-ui__results");
    area.append(message, list);
    await more(list, area, mine);
    if (mine !== searches) {
      return;
    }
    const count = results.length;
    message.textContent =
      count === 0
        ? "No results for \u201c" + query + "\u201d"
        : (count === 1 ? "1 result" : count + " results") + " for \u201c" + query + "\u201d";
    const all = element("a", "bk-search-all");
    all.href = searchPage.pathname + "?q=" + encodeURIComponent(query);
    all.textContent = "All results, with filters and newest first, on the search page";
    area.appendChild(all);
    drawer.replaceChildren(area);
    box.after(clear);
  }

  async function more(list, area, mine) {
    const batch = results.slice(shown, shown + SHOWN);
    shown += batch.length;
    const pages = await Promise.all(
      batch.map(function (result) {
        return result.data();
      })
    );
    if (mine !== searches) {
      return;
    }
    pages.forEach(function (page) {
      list.appendChild(item(page));
    });
    let button = area.querySelector(".pagefind-ui__button");
    if (shown < results.length) {
      if (!button) {
        button = element("button", "pagefind-ui__button");
        button.type = "button";
        button.textContent = "Load more results";
        button.addEventListener("click", function () {
          more(list, area, searches);
        });
        list.after(button);
      }
    } else if (button) {
      button.remove();
    }
  }

  function item(page) {
    const meta = page.meta || {};
    const row = element("li", "pagefind-ui__result");
    const inner = element("div", "pagefind-ui__result-inner");
    const title = element("p", "pagefind-ui__result-title");
    const link = element("a", "pagefind-ui__result-link");
    link.href = page.url + "?highlight=" + encodeURIComponent(term);
    link.textContent = meta.title || page.url;
    title.appendChild(link);
    inner.appendChild(title);
    const excerpt = element("p", "pagefind-ui__result-excerpt");
    excerpt.innerHTML = page.excerpt; // Pagefind's: escaped text with the searched words in <mark>
    inner.appendChild(excerpt);
    if (meta.day) {
      const tags = element("ul", "pagefind-ui__result-tags");
      const tag = element("li", "pagefind-ui__result-tag");
      tag.textContent = "Briefing: " + (meta.topics ? meta.day + " \u00b7 " + meta.topics : meta.day);
      tags.appendChild(tag);
      inner.appendChild(tags);
    }
    row.appendChild(inner);
    return row;
  }

  function reset() {
    box.value = "";
    window.clearTimeout(timer);
    search("");
  }

  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    const query = box.value.trim();
    timer = window.setTimeout(function () {
      search(query);
    }, WAIT_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search(box.value.trim());
  });
  clear.addEventListener("click", function () {
    reset();
    box.focus();
  });

  function links() {
    return Array.from(holder.querySelectorAll("a.pagefind-ui__result-link"));
  }

  document.addEventListener("keydown", function (event) {
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
    const found = links();
    const index = found.indexOf(target);
    if (event.key === "ArrowDown" && found.length) {
      event.preventDefault();
      found[Math.min(index + 1, found.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index !== -1) {
      event.preventDefault();
      if (index === 0) {
        box.focus();
      } else {
        found[index - 1].focus();
      }
    } else if (event.key === "Escape") {
      reset();
      box.blur();
    }
  });
})();
