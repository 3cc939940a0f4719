// The search page (/search/), with Pagefind's JavaScript API: a query, filters with their counts,
// best match or newest first. The page's address carries all of it (?q=Huawei&topic=5G%20security
// &year=2019&sort=date), so a search can be bookmarked and shared, and the back button undoes a
// step. With no query the page lists every briefing, newest first, narrowed by the filters.
// Everything a page's data holds is set as text; only Pagefind's excerpt, which Pagefind escapes
// and marks, is set as HTML.
(function () {
  "use strict";
  const form = document.getElementById("bk-find");
  if (!form) {
    return;
  }
  const KEYS = ["kind", "topic", "year", "person", "organization", "place"];
  const LABELS = {
    kind: "Kind",
    topic: "Topic",
    year: "Year",
    person: "People",
    organization: "Organizations",
    place: "Places",
  };
  const SHORT_LIST = 8;
  const PAGE_SIZE = 20;
  const box = document.getElementById("bk-find-query");
  const order = document.getElementById("bk-find-sort");
  const pane = document.getElementById("bk-find-filters");
  const status = document.getElementById("bk-find-status");
  const list = document.getElementById("bk-find-results");
  const more = document.getElementById("bk-find-more");
  const bundle = new URL(form.dataset.bundle, window.location.href);
  let pagefind = null;
  let results = [];
  let shown = 0;
  let query = "";
  let searches = 0;
  let filtersLoaded = false;

  function current() {
    const params = new URLSearchParams(window.location.search);
    const filters = {};
    KEYS.forEach(function (key) {
      const values = params.getAll(key).filter(Boolean);
      if (values.length) {
        filters[key] = values;
      }
    });
    return { q: (params.get("q") || "").trim(), sort: params.get("sort") === "date" ? "date" : "", filters: filters };
  }

  function address(state) {
    const params = new URLSearchParams();
    if (state.q) {
      params.set("q", state.q);
    }
    KEYS.forEach(function (key) {
      (state.filters[key] || []).forEach(function (value) {
        params.append(key, value);
      });
    });
    if (state.sort) {
      params.set("sort", state.sort);
    }
    const text = params.toString().replace(/\+/g, "%20");
    return window.location.pathname + (text ? "?" + text : "");
  }

  function go(state) {
    window.history.pushState(null, "", address(state));
    search();
  }

  // Briefings first, then the other pages, each part in Pagefind's order, unless a kind is chosen.
  // Pagefind's ranking favours a short page whatever its weight, so a name's page of 50 words
  // could come before a briefing that names the person; two searches split by `kind` cannot.
  // Its filters' counts come with it only when it is one search.
  async function briefingsFirst(words, options) {
    if (words === null || options.filters.kind) {
      return pagefind.search(words, options);
    }
    const part = function (kind) {
      return pagefind.search(words, Object.assign({}, options, { filters: Object.assign({}, options.filters, { kind: kind }) }));
    };
    const found = await Promise.all([part("briefing"), part({ none: ["briefing"] })]);
    return { results: found[0].results.concat(found[1].results), filters: null };
  }

  async function search() {
    const state = current();
    const mine = ++searches;
    box.value = state.q;
    order.value = state.sort;
    if (!pagefind) {
      pagefind = await import(new URL("pagefind.js", bundle).href);
      await pagefind.options({ baseUrl: bundle.pathname.replace(/pagefind\/$/, "") });
    }
    const filters = {};
    Object.keys(state.filters).forEach(function (key) {
      const values = state.filters[key];
      filters[key] = values.length === 1 ? values[0] : { any: values };
    });
    const browsing = !state.q;
    if (browsing && !filters.kind) {
      filters.kind = "briefing";
    }
    const options = { filters: filters };
    if (state.sort || browsing) {
      options.sort = { date: "desc" };
    }
    const found = await briefingsFirst(browsing ? null : state.q, options);
    if (mine !== searches) {
      return; // a newer search has started
    }
    results = found.results;
    query = state.q;
    shown = 0;
    list.replaceChildren();
    await showMore();
    if (mine !== searches) {
      return;
    }
    // Said once the results are on the page: the status is announced to screen readers.
    status.textContent = summary(state, results.length, browsing);
    // The counts need every filter, which the first search of a page does not wait for: the results
    // come first, then the filters are loaded and the same search, in one part and answered from
    // what is loaded already, counts them. Once they are loaded, a search made in one part counts
    // its own.
    let counts = filtersLoaded ? found.filters : null;
    if (!counts) {
      if (!filtersLoaded) {
        await pagefind.filters();
        filtersLoaded = true;
      }
      counts = (await pagefind.search(browsing ? null : state.q, options)).filters;
    }
    if (mine === searches) {
      showFilters(state, counts || {});
    }
  }

  function summary(state, count, browsing) {
    const chosen = [];
    KEYS.forEach(function (key) {
      (state.filters[key] || []).forEach(function (value) {
        chosen.push(value);
      });
    });
    const what = browsing ? (count === 1 ? "1 briefing" : count + " briefings") : count === 1 ? "1 result" : count + " results";
    let text = what + (browsing ? "" : " for \u201c" + state.q + "\u201d");
    if (chosen.length) {
      text += " in " + chosen.join(", ");
    }
    if (browsing || state.sort) {
      text += ", newest first";
    }
    return text + ".";
  }

  function showFilters(state, counts) {
    pane.replaceChildren();
    KEYS.forEach(function (key) {
      const chosen = state.filters[key] || [];
      const values = Object.entries(counts[key] || {}).filter(function (entry) {
        return entry[1] > 0 || chosen.indexOf(entry[0]) !== -1;
      });
      if (!values.length) {
        return;
      }
      values.sort(function (a, b) {
        if (key === "year") {
          return a[0] < b[0] ? 1 : -1;
        }
        return b[1] - a[1] || a[0].localeCompare(b[0]);
      });
      const group = document.createElement("fieldset");
      group.className = "bk-find-filter";
      const legend = document.createElement("legend");
      legend.textContent = LABELS[key];
      group.appendChild(legend);
      values.forEach(function (entry, index) {
        const label = document.createElement("label");
        const tick = document.createElement("input");
        tick.type = "checkbox";
        tick.name = key;
        tick.value = entry[0];
        tick.checked = chosen.indexOf(entry[0]) !== -1;
        tick.addEventListener("change", function () {
          const next = current();
          const now = next.filters[key] || [];
          next.filters[key] = tick.checked
            ? now.concat([entry[0]])
            : now.filter(function (value) {
                return value !== entry[0];
              });
          go(next);
        });
        label.appendChild(tick);
        label.appendChild(document.createTextNode(" " + entry[0] + " "));
        const count = document.createElement("span");
        count.className = "bk-find-count";
        count.textContent = "(" + entry[1] + ")";
        label.appendChild(count);
        label.hidden = index >= SHORT_LIST && !tick.checked;
        group.appendChild(label);
      });
      if (values.length > SHORT_LIST) {
        const all = document.createElement("button");
        all.type = "button";
        all.className = "bk-find-all";
        all.textContent = "Show all " + values.length;
        all.addEventListener("click", function () {
          group.querySelectorAll("label").forEach(function (label) {
            label.hidden = false;
          });
          all.remove();
        });
        group.appendChild(all);
      }
      pane.appendChild(group);
    });
  }

  async function showMore() {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const mine = searches;
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
    more.hidden = shown >= results.length;
  }

  function item(page) {
    const meta = page.meta || {};
    const row = document.createElement("li");
    const link = document.createElement("a");
    link.href = query ? page.url + "?highlight=" + encodeURIComponent(query) : page.url;
    link.textContent = meta.title || page.url;
    link.className = "bk-find-title";
    row.appendChild(link);
    if (meta.day) {
      const about = document.createElement("span");
      about.className = "bk-find-about";
      about.textContent = meta.topics ? meta.day + " \u00b7 " + meta.topics : meta.day;
      row.appendChild(about);
    }
    const text = document.createElement("p");
    if (query) {
      text.innerHTML = page.excerpt; // Pagefind's: escaped text with the searched words in <mark>
    } else {
      text.textContent = meta.summary || "";
    }
    row.appendChild(text);
    return row;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const next = current();
    next.q = box.value.trim();
    next.sort = order.value === "date" ? "date" : "";
    go(next);
  });
  order.addEventListener("change", function () {
    const next = current();
    next.sort = order.value === "date" ? "date" : "";
    go(next);
  });
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", search);
  search();
})();
