/* vbgraph view: draws the graph data of this page with vis-network and wires the controls.
 * Text from documents is only ever set with textContent (never innerHTML), so a title that holds
 * an HTML tag with an onerror handler shows as those characters and runs nothing. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("vbgraph-data").textContent);
  var container = document.getElementById("vb-network");
  var details = document.getElementById("vb-details");
  var TIP_ROWS = 9;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function infoBox(rows, limit) {
    var box = el("div", "vb-tip");
    rows.slice(0, limit || rows.length).forEach(function (row) {
      var line = el("div", "vb-row");
      line.appendChild(el("span", "vb-key", row[0]));
      line.appendChild(el("span", "vb-val", row[1]));
      box.appendChild(line);
    });
    if (limit && rows.length > limit) {
      box.appendChild(el("div", "vb-more", "… còn " + (rows.length - limit) + " dòng: bấm để xem đủ"));
    }
    return box;
  }

  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u0111\u0110]/g, "d").toLowerCase();
  }

  if (typeof vis === "undefined" || !vis.Network) {
    container.appendChild(el("p", "vb-error", "Không tải được vis-network: tệp HTML này bị hỏng."));
    return;
  }

  var byId = {};
  data.nodes.forEach(function (n) {
    n.title = infoBox(n.info, TIP_ROWS);
    n.folded = fold(n.search);
    byId[n.id] = n;
  });
  data.edges.forEach(function (e) { e.title = infoBox(e.info, TIP_ROWS); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  /* Bands of the layered layout (Trung ương / tỉnh / huyện, or years), shaded on the canvas and
   * named in a column at the left of the view, which stays readable at any zoom. */
  var layered = !!data.layered;
  var bandNames = el("div", "vb-bands");
  container.appendChild(bandNames);
  var bandLabels = data.bands.map(function (b) { return bandNames.appendChild(el("div", "vb-band", b.name)); });
  var rowY = {}, extentX = [0, 0];

  function measureRows() {
    var pos = network.getPositions();
    rowY = {}; extentX = [Infinity, -Infinity];
    nodes.get({ filter: function (n) { return !n.hidden; } }).forEach(function (n) {
      var p = pos[n.id];
      if (!p) return;
      extentX = [Math.min(extentX[0], p.x), Math.max(extentX[1], p.x)];
      rowY[n.level] = p.y;
    });
  }

  function bandSpan(b) {
    var ys = [];
    for (var r = b.first; r <= b.last; r++) if (rowY[r] !== undefined) ys.push(rowY[r]);
    return ys.length ? [Math.min.apply(null, ys), Math.max.apply(null, ys)] : null;
  }

  network.on("beforeDrawing", function (ctx) {
    if (!layered) return;
    measureRows();
    if (extentX[0] === Infinity) return;
    data.bands.forEach(function (b, i) {
      var span = bandSpan(b);
      if (!span) return;
      ctx.fillStyle = i % 2 ? "rgba(234, 242, 248, 0.9)" : "rgba(248, 249, 249, 0.95)";
      ctx.fillRect(extentX[0] - 5000, span[0] - 70, extentX[1] - extentX[0] + 10000, span[1] - span[0] + 140);
    });
  });
  network.on("afterDrawing", function () {
    data.bands.forEach(function (b, i) {
      var span = layered && bandSpan(b);
      var label = bandLabels[i];
      if (!span) { label.style.display = "none"; return; }
      var top = network.canvasToDOM({ x: 0, y: span[0] - 70 }).y;
      label.style.display = "block";
      label.style.top = Math.round(top + 3) + "px";
    });
  });

  function showDetails(rows, heading) {
    details.textContent = "";
    if (heading) details.appendChild(el("div", "vb-key", heading));
    details.appendChild(infoBox(rows));
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      showDetails(byId[params.nodes[0]].info);
    } else if (params.edges.length) {
      showDetails(edges.get(params.edges[0]).info);
    }
  });

  /* Filters: one checkbox per relation type; nodes left without links can be hidden. */
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-code]"));
  var labelsBox = document.getElementById("vb-labels");
  var isolatedBox = document.getElementById("vb-isolated");
  var linked = {};
  data.edges.forEach(function (e) { linked[e.from] = true; linked[e.to] = true; });

  function applyFilters() {
    var off = {};
    boxes.forEach(function (b) { off[b.getAttribute("data-code")] = !b.checked; });
    var degree = {};
    edges.update(data.edges.map(function (e) {
      var shown = !off[e.code];
      if (shown) { degree[e.from] = 1; degree[e.to] = 1; }
      return { id: e.id, hidden: !shown, label: labelsBox.checked ? e.vbLabel : "" };
    }));
    nodes.update(data.nodes.map(function (n) {
      var orphan = isolatedBox.checked && linked[n.id] && !degree[n.id] && n.id !== data.ref;
      return { id: n.id, hidden: !!orphan };
    }));
  }
  boxes.concat([labelsBox, isolatedBox]).forEach(function (b) { b.addEventListener("change", applyFilters); });

  /* Search by symbol, name or title, without diacritics: "109-NQ", "kiem tra giam sat". */
  var input = document.getElementById("vb-search");
  var results = document.getElementById("vb-results");

  function focusNode(id) {
    var n = byId[id];
    if (!n) return;
    if (n.hidden) nodes.update({ id: id, hidden: false });
    network.selectNodes([id]);
    network.focus(id, { scale: 1.15, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(n.info);
    results.textContent = "";
  }

  function search() {
    results.textContent = "";
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = data.nodes.filter(function (n) {
      return words.every(function (w) { return n.folded.indexOf(w) >= 0; });
    }).slice(0, 15);
    hits.forEach(function (n) {
      var li = el("li");
      var title = (n.info.filter(function (r) { return r[0] === "Trích yếu" || r[0] === "Nhiệm vụ"; })[0] || [])[1];
      var button = el("button", null, n.label.replace(/\n/g, " ") + (title ? " — " + title : ""));
      button.type = "button";
      button.addEventListener("click", function () { focusNode(n.id); });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (!hits.length) results.appendChild(el("li", "vb-more", "Không tìm thấy."));
    return hits;
  }
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = search();
      if (hits.length) focusNode(hits[0].id);
    } else if (ev.key === "Escape") {
      results.textContent = "";
    }
  });

  /* Once laid out, stop the physics so that the picture stays where the reader puts it; until
   * the reader moves or zooms, a resized window fits the whole graph again. */
  var touched = false;
  ["dragStart", "zoom", "click"].forEach(function (ev) { network.on(ev, function () { touched = true; }); });
  network.on("resize", function () { if (!touched) network.fit(); });
  function settled() {
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    document.documentElement.setAttribute("data-vb-stable", "1");
  }
  if (data.options.physics && data.options.physics.enabled === false) {
    network.once("afterDrawing", settled);  /* placed in advance: nothing to wait for */
  } else {
    network.once("stabilizationIterationsDone", settled);
  }
  network.once("afterDrawing", function () {
    document.documentElement.setAttribute("data-vb-drawn", "1");
  });

  window.vbgraph = { network: network, nodes: nodes, edges: edges, focusNode: focusNode, search: search };
}());
