// The report's explorer and sortable tables (framing.render.explorer builds the data).
// Progressive enhancement: the static report is complete without this script. Every piece of
// corpus text is put into the page with textContent or createTextNode, never as markup.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "className") { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
      });
    }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // ---- sortable tables -------------------------------------------------------------------
  var NUMBER = /^[\u2212+-]?\d+(?:\.\d+)?/;

  function cellValue(row, col) {
    var cell = row.cells[col];
    return cell ? cell.textContent.trim() : "";
  }

  function asNumber(text) {
    var t = text.replace(/,/g, "").replace(/\u2212/g, "-");
    var m = NUMBER.exec(t);
    return m ? parseFloat(m[0].replace("\u2212", "-")) : null;
  }

  function bodyRows(table) {
    var rows = Array.prototype.slice.call(table.rows);
    return rows.filter(function (r) { return r.parentNode.tagName !== "THEAD" && !r.classList.contains("sort-head"); });
  }

  function isNumeric(table, col, head) {
    if (head.classList.contains("num")) { return true; }
    var values = bodyRows(table).map(function (r) { return cellValue(r, col); }).filter(function (v) {
      return v !== "" && v !== "\u2013" && v !== "\u2014";
    });
    return values.length > 0 && values.every(function (v) { return asNumber(v) !== null && /^[\d\s.,\u2212+\u2013%-]+$/.test(v); });
  }

  function sortTable(table, col, dir) {
    var head = table.querySelector(".sort-head").cells[col];
    var numeric = isNumeric(table, col, head);
    var rows = bodyRows(table);
    var keyed = rows.map(function (r, i) {
      var text = cellValue(r, col);
      return { row: r, i: i, num: numeric ? asNumber(text) : null, text: text.toLowerCase() };
    });
    keyed.sort(function (a, b) {
      var c;
      if (numeric) {
        if (a.num === null && b.num === null) { c = 0; }
        else if (a.num === null) { return 1; } // missing values last in either direction
        else if (b.num === null) { return -1; }
        else { c = a.num - b.num; }
      } else {
        c = a.text.localeCompare(b.text);
      }
      return (c || (a.i - b.i) * dir) * dir;
    });
    var parent = rows.length ? rows[0].parentNode : null;
    keyed.forEach(function (k) { parent.appendChild(k.row); });
    Array.prototype.forEach.call(table.querySelector(".sort-head").cells, function (th, i) {
      th.setAttribute("aria-sort", i === col ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    table.setAttribute("data-sort-col", String(col));
    table.setAttribute("data-sort-dir", String(dir));
  }

  function makeSortable(table) {
    var head = table.tHead ? table.tHead.rows[0] : table.rows[0];
    if (!head || table.rows.length < 3) { return; }
    var cells = Array.prototype.slice.call(head.cells);
    if (!cells.length || !cells.every(function (c) { return c.tagName === "TH"; })) { return; } // a key-value table
    head.classList.add("sort-head");
    table.classList.add("sortable");
    cells.forEach(function (th, col) {
      if (!th.textContent.trim()) { return; }
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      th.title = "Sort by this column (click again to reverse)";
      function go() {
        var same = table.getAttribute("data-sort-col") === String(col);
        var dir = same ? -Number(table.getAttribute("data-sort-dir")) : (isNumeric(table, col, th) ? -1 : 1);
        sortTable(table, col, dir);
      }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); }
      });
    });
  }

  // ---- explorer ----------------------------------------------------------------------------
  function readData() {
    var node = document.getElementById("explorer-data");
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function labelled(text, control) {
    var label = el("label", { className: "explorer-control" });
    label.appendChild(el("span", null, text));
    label.appendChild(control);
    return label;
  }

  function select(id, options) {
    var s = el("select", { id: id });
    options.forEach(function (o) {
      var opt = el("option", null, o[1]);
      opt.value = o[0];
      s.appendChild(opt);
    });
    return s;
  }

  function highlighted(text, spans) {
    var p = el("span", { className: "explorer-sentence" });
    var at = 0;
    spans.forEach(function (sp) {
      if (sp[0] > at) { p.appendChild(document.createTextNode(text.slice(at, sp[0]))); }
      p.appendChild(el("mark", { className: "explorer-hit" }, text.slice(sp[0], sp[1])));
      at = sp[1];
    });
    if (at < text.length) { p.appendChild(document.createTextNode(text.slice(at))); }
    return p;
  }

  function build(app, data) {
    var outletName = {};
    data.outlets.forEach(function (o) { outletName[o[0]] = o[1]; });
    var kindName = {};
    data.kinds.forEach(function (k) { kindName[k[0]] = k[1]; });

    var search = el("input", { id: "explorer-search", type: "search", placeholder: "term, speaker, actor, category" });
    var outlet = select("explorer-outlet", [["", "all outlets"]].concat(data.outlets));
    var kind = select("explorer-kind", [["", "all kinds"]].concat(data.kinds));
    var category = select("explorer-category", [["", "all categories"]]);
    var controls = el("div", { className: "explorer-controls" });
    controls.appendChild(labelled("Search", search));
    controls.appendChild(labelled("Outlet", outlet));
    controls.appendChild(labelled("Kind", kind));
    controls.appendChild(labelled("Category", category));
    app.appendChild(controls);

    var count = el("p", { id: "explorer-count", className: "sub", "aria-live": "polite" });
    app.appendChild(count);
    if (data.dropped) {
      app.appendChild(el("p", { className: "sub" }, data.dropped + " rarer findings are left out of the explorer to keep the page small; the tables and articles above show them."));
    }

    var panel = el("div", { id: "explorer-contexts", className: "explorer-contexts", "aria-live": "polite" });
    panel.hidden = true;

    var wrap = el("div", { className: "scroll explorer-table" });
    var table = el("table", { id: "explorer-table" });
    var thead = el("thead");
    var hr = el("tr");
    [["finding", ""], ["outlet", ""], ["kind", ""], ["category or side", ""], ["origin", ""], ["uses", "num"]].forEach(function (h) {
      hr.appendChild(el("th", h[1] ? { className: h[1] } : null, h[0]));
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el("tbody", { id: "explorer-rows" });
    table.appendChild(tbody);
    wrap.appendChild(table);
    app.appendChild(wrap);
    app.appendChild(panel);

    function categoriesFor(k) {
      var seen = {};
      data.rows.forEach(function (r) { if (!k || r.k === k) { seen[r.c] = true; } });
      return Object.keys(seen).filter(function (c) { return c !== ""; }).sort();
    }

    function fillCategories() {
      var keep = category.value;
      while (category.options.length > 1) { category.remove(1); }
      categoriesFor(kind.value).forEach(function (c) {
        var opt = el("option", null, c);
        opt.value = c;
        category.appendChild(opt);
      });
      category.value = categoriesFor(kind.value).indexOf(keep) >= 0 ? keep : "";
    }

    function showContexts(row) {
      while (panel.firstChild) { panel.removeChild(panel.firstChild); }
      panel.hidden = false;
      var list = data.contexts[row.id] || [];
      var total = data.totals[row.id] || list.length;
      var outlets = {};
      list.forEach(function (c) { outlets[c.o] = true; });
      var title = el("h3", { id: "explorer-contexts-title" });
      title.appendChild(document.createTextNode(kindName[row.k] + " \u201c"));
      title.appendChild(el("mark", { className: "explorer-hit" }, row.t));
      title.appendChild(document.createTextNode("\u201d: " + total + (total === 1 ? " sentence" : " sentences") + " in " + Object.keys(outlets).length + (Object.keys(outlets).length === 1 ? " outlet" : " outlets")));
      panel.appendChild(title);
      if (total > list.length) {
        panel.appendChild(el("p", { className: "sub explorer-cap" }, "Showing " + list.length + " of " + total + " sentences (at most " + data.cap + " per finding, shared among the outlets); the highlighted articles below show every one."));
      }
      var ul = el("ul", { className: "explorer-list" });
      list.forEach(function (c) {
        var li = el("li", null);
        li.setAttribute("data-outlet", c.o);
        var who = el("a", { className: "explorer-outlet" }, outletName[c.o] || c.o);
        who.href = "#article-" + data.anchors[c.a];
        who.title = data.titles[c.a] || c.a;
        li.appendChild(who);
        li.appendChild(document.createTextNode(": "));
        li.appendChild(highlighted(c.s, c.h));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
      var close = el("button", { type: "button", className: "explorer-close" }, "close");
      close.addEventListener("click", function () { panel.hidden = true; });
      panel.appendChild(close);
      if (panel.scrollIntoView) { panel.scrollIntoView({ block: "nearest" }); }
    }

    function render() {
      var q = search.value.trim().toLowerCase();
      var shown = data.rows.filter(function (r) {
        return (!outlet.value || r.o === outlet.value) && (!kind.value || r.k === kind.value) &&
          (!category.value || r.c === category.value) &&
          (!q || r.t.toLowerCase().indexOf(q) >= 0 || r.c.toLowerCase().indexOf(q) >= 0);
      });
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      shown.forEach(function (r) {
        var tr = el("tr");
        tr.setAttribute("data-outlet", r.o);
        tr.setAttribute("data-kind", r.k);
        var td = el("td");
        var button = el("button", { type: "button", className: "explorer-term" }, r.t);
        button.addEventListener("click", function () { showContexts(r); });
        td.appendChild(button);
        tr.appendChild(td);
        tr.appendChild(el("td", null, outletName[r.o] || r.o));
        tr.appendChild(el("td", null, kindName[r.k] || r.k));
        tr.appendChild(el("td", null, r.c));
        tr.appendChild(el("td", null, r.g));
        tr.appendChild(el("td", { className: "num" }, r.n));
        tbody.appendChild(tr);
      });
      count.textContent = "Showing " + shown.length + " of " + data.rows.length + " findings. Click one to read every sentence it is in.";
      if (table.hasAttribute("data-sort-col")) {
        sortTable(table, Number(table.getAttribute("data-sort-col")), Number(table.getAttribute("data-sort-dir")));
      }
    }

    // The report's own tables of terms, speakers and actors open the same list of sentences.
    var KIND_OF_TABLE = { term: "loaded", speaker: "quote", actor: "actor" };
    Array.prototype.forEach.call(document.querySelectorAll("section.outlet"), function (section) {
      var slug = section.id.replace(/^outlet-/, "");
      Array.prototype.forEach.call(section.querySelectorAll("table"), function (t) {
        var first = t.rows.length ? t.rows[0].cells[0] : null;
        var k = first ? KIND_OF_TABLE[first.textContent.trim()] : null;
        if (!k) { return; }
        Array.prototype.slice.call(t.rows, 1).forEach(function (tr) {
          var cell = tr.cells[0];
          var name = (cell.querySelector("strong") || cell).textContent.trim();
          var id = k + ":" + name.toLowerCase();
          var row = null;
          data.rows.forEach(function (r) { if (r.id === id && (!row || r.o === slug)) { row = r; } });
          if (!row) { return; }
          var button = el("button", { type: "button", className: "explorer-term", title: "Every sentence with it, in every outlet (explorer)" }, name);
          button.addEventListener("click", function () { showContexts(row); });
          var target = cell.querySelector("strong") || cell;
          while (target.firstChild) { target.removeChild(target.firstChild); }
          target.appendChild(button);
        });
      });
    });

    search.addEventListener("input", render);
    outlet.addEventListener("change", render);
    kind.addEventListener("change", function () { fillCategories(); render(); });
    category.addEventListener("change", render);
    fillCategories();
    render();
    table.rows[0].classList.add("sort-head");
    return table;
  }

  // Styles only the script's elements need, so they are added only when it runs.
  var CSS = [
    ".explorer-controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.6rem 0;}",
    ".explorer-control{display:flex;flex-direction:column;flex:1 1 10rem;min-width:0;max-width:20rem;font-size:.85rem;color:var(--muted);}",
    ".explorer-control input,.explorer-control select{font:inherit;font-size:.95rem;color:var(--ink);padding:.25rem .35rem;width:100%;}",
    ".explorer-table{max-height:28rem;overflow:auto;border:1px solid var(--rule);}",
    ".explorer-table table{margin:0;}",
    ".explorer-table thead th{position:sticky;top:0;z-index:1;}",
    "button.explorer-term{font:inherit;color:var(--hedge);background:none;border:0;padding:0;text-align:left;cursor:pointer;text-decoration:underline;}",
    ".explorer-contexts{background:var(--panel);border-radius:6px;padding:.4rem 1rem .8rem;margin-top:1rem;}",
    ".explorer-list{padding-left:1.1rem;}.explorer-list li{margin:.35rem 0;}",
    "mark.explorer-hit{background:rgba(213,94,0,.22);color:inherit;font-weight:600;padding:0 .1em;}",
    "table.sortable .sort-head th[tabindex]{cursor:pointer;}",
    "table.sortable th[aria-sort=ascending]::after{content:' \\25B2';font-size:.7em;}",
    "table.sortable th[aria-sort=descending]::after{content:' \\25BC';font-size:.7em;}",
    "@media print{#explorer{display:none;}}"
  ].join("\n");

  function start() {
    var style = el("style", { id: "explorer-style" }, CSS);
    document.head.appendChild(style);
    var app = document.getElementById("explorer-app");
    var data = readData();
    if (app && data) {
      var note = document.getElementById("explorer-noscript");
      if (note) { note.hidden = true; }
      build(app, data);
      var toc = document.querySelector("nav.toc > ol");
      var articles = toc ? toc.querySelector('a[href="#articles"]') : null;
      if (toc && !toc.querySelector('a[href="#explorer"]')) {
        var li = el("li");
        var a = el("a", null, "Explorer");
        a.href = "#explorer";
        li.appendChild(a);
        toc.insertBefore(li, articles ? articles.parentNode : null);
      }
    }
    Array.prototype.forEach.call(document.querySelectorAll("main table"), makeSortable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
