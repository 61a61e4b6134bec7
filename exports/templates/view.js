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

  var byId = {}, edgeById = {}, searched = {};
  data.searchRows.forEach(function (key) { searched[key] = true; });
  data.nodes.forEach(function (n) {
    n.folded = fold(n.info.filter(function (r) { return searched[r[0]]; }).map(function (r) { return r[1]; }).join(" "));
    byId[n.id] = n;
  });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  /* Overview: one box per group of nodes (jurisdiction and level); a group opens into its nodes.
   * What is drawn is worked out here from the open groups (show): the boxes of the closed groups,
   * the nodes of the open ones, each edge between two drawn nodes, and one edge per pair of boxes
   * (or of a box and a node) counting the edges it stands for. Not vis-network's clustering: that
   * builds every node, draws it once, and takes seconds to close a hundred groups of 10,000. */
  var overview = data.overview;
  var groupById = {}, members = {}, opened = {}, merged = {};
  if (overview) {
    overview.groups.forEach(function (g) { groupById[g.id] = g; members[g.id] = []; });
    data.nodes.forEach(function (n) { members[n.vbGroup].push(n.id); });
  }

  var nodes = new vis.DataSet(overview ? [] : data.nodes);
  var edges = new vis.DataSet(overview ? [] : data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  /* Tooltips are made when first needed: thousands of them up front cost a second at 10,000. */
  function tip(set, item, rows) {
    if (item && !item.title) set.update({ id: item.id, title: infoBox(rows, TIP_ROWS) });
  }
  network.on("hoverNode", function (params) {
    var id = params.node;
    if (byId[id]) tip(nodes, nodes.get(id), byId[id].info);
  });
  network.on("hoverEdge", function (params) {
    var id = params.edge;
    if (edgeById[id]) tip(edges, edges.get(id), edgeById[id].info);
    else if (merged[id]) tip(edges, edges.get(id), merged[id].rows());
  });

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
    var id = params.nodes[0];
    if (id !== undefined) {
      var about = groupById[id] || byId[id];
      if (about) showDetails(about.info);
    } else if (params.edges.length) {
      var e = params.edges[0];
      if (edgeById[e]) showDetails(edgeById[e].info);
      else if (merged[e]) showDetails(merged[e].rows());
    }
  });

  /* Filters: one checkbox per relation type; nodes left without links can be hidden. */
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-code]"));
  var labelsBox = document.getElementById("vb-labels");
  var isolatedBox = document.getElementById("vb-isolated");
  var linked = {};
  data.edges.forEach(function (e) { linked[e.from] = true; linked[e.to] = true; });

  function filters() {
    var off = {}, degree = {};
    boxes.forEach(function (b) { off[b.getAttribute("data-code")] = !b.checked; });
    data.edges.forEach(function (e) { if (!off[e.code]) { degree[e.from] = 1; degree[e.to] = 1; } });
    return {
      off: off,
      orphan: function (id) { return isolatedBox.checked && linked[id] && !degree[id] && id !== data.ref; }
    };
  }

  function applyFilters() {
    if (overview) { show(); return; }
    var f = filters();
    edges.update(data.edges.map(function (e) {
      return { id: e.id, hidden: !!f.off[e.code], label: labelsBox.checked ? e.vbLabel : "" };
    }));
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !!f.orphan(n.id) }; }));
  }
  boxes.concat([labelsBox, isolatedBox]).forEach(function (b) { b.addEventListener("change", applyFilters); });

  /* Boxes in bands (documents by level, then tasks, then bodies), left to right and wrapped at the
   * overview's width, every other line of a band shifted by half a box so that an edge between
   * bands passes between the boxes of a line it crosses; an open group takes the block its nodes
   * fill instead of one box. Returns the centre of each group's box or block. Deterministic: the
   * same open groups give the same places. */
  function pack() {
    var out = {}, x = 0, y = 0, rowH = 0, band = null, line = 0, inLine = 0;
    var cellW = overview.cell[0], cellH = overview.cell[1];
    overview.groups.forEach(function (g) {
      var w = opened[g.id] ? g.w + cellW / 2 : cellW, h = opened[g.id] ? g.h + cellH / 2 : cellH;
      if (band !== null && g.band !== band) {
        y += rowH + cellH / 3; x = 0; rowH = 0; line = 0; inLine = 0;
      } else if (inLine > 0 && x + w > overview.width + (line % 2) * cellW / 2) {
        y += rowH; line++; x = (line % 2) * cellW / 2; rowH = 0; inLine = 0;
      }
      band = g.band;
      out[g.id] = { x: x + w / 2, y: y + h / 2 };
      x += w;
      rowH = Math.max(rowH, h);
      inLine++;
    });
    return out;
  }

  function groupBox(g, p) {
    return {
      id: g.id, label: g.label, title: infoBox(g.info), shape: "box", x: p.x, y: p.y,
      borderWidth: g.ref ? 4 : 2, margin: 12, font: { color: "#ffffff", size: 15 },
      color: { background: g.color, border: g.ref ? "#f1c40f" : g.color,
               highlight: { background: g.color, border: "#f1c40f" }, hover: { background: g.color, border: "#f1c40f" } },
      widthConstraint: { minimum: 150, maximum: 210 }
    };
  }

  function endName(id) {
    var about = groupById[id] || byId[id];
    return about ? about.label.replace(/\n/g, " · ") : id;
  }

  /* One drawn edge standing for `base` (edges of the data) between the drawn ends a and b. */
  function mergedEdge(a, b, base, labels) {
    var ahead = 0, counts = {};
    base.forEach(function (e) {
      var forward = e.from === a || byId[e.from].vbGroup === a;
      if (forward) ahead++;
      var key = e.code + (forward ? ">" : "<");
      counts[key] = (counts[key] || 0) + 1;
    });
    var id = "vbmerged:" + a + "|" + b;
    merged[id] = {
      rows: function () {
        if (base.length === 1) return base[0].info;
        var names = [endName(a), endName(b)];
        var rows = [["Giữa", names[0] + " — " + names[1]], ["Số quan hệ", String(base.length)]];
        Object.keys(counts).sort().forEach(function (key) {
          var code = key.slice(0, -1), there = key.slice(-1) === ">" ? names : [names[1], names[0]];
          rows.push([(data.edgeNames[code] || code) + " (" + code + ")", counts[key] + " từ " + there[0] + " đến " + there[1]]);
        });
        return rows;
      }
    };
    if (base.length === 1 && !(groupById[a] && groupById[b])) {  /* one edge to a box: drawn as itself */
      var one = base[0];
      return Object.assign({}, one, { id: id, from: one.from === a || byId[one.from].vbGroup === a ? a : b,
        to: one.from === a || byId[one.from].vbGroup === a ? b : a, title: undefined, label: labels ? one.vbLabel : "" });
    }
    return {
      id: id, from: a, to: b, label: String(base.length), width: Math.min(9, 1 + Math.log(base.length) / Math.LN2),
      dashes: false, smooth: { enabled: false }, color: { color: "#5d6d7e", highlight: "#1b2631", hover: "#1b2631" },
      font: { color: "#1b2631", size: 13, strokeWidth: 4, strokeColor: "#ffffff" },
      arrows: { to: { enabled: ahead > 0, scaleFactor: 0.6 }, from: { enabled: ahead < base.length, scaleFactor: 0.6 } }
    };
  }

  /* Put in the DataSets what the open groups and the filters show, and take out the rest. */
  function show() {
    var f = filters(), places = pack(), wantNodes = [], wantEdges = [], byPair = {}, pairs = [];
    overview.groups.forEach(function (g) {
      var p = places[g.id];
      if (!opened[g.id]) { wantNodes.push(groupBox(g, p)); return; }
      members[g.id].forEach(function (id) {
        var n = byId[id];
        wantNodes.push(Object.assign({}, n, { x: p.x + n.dx, y: p.y + n.dy, hidden: !!f.orphan(id) }));
      });
    });
    function end(id) { return opened[byId[id].vbGroup] ? id : byId[id].vbGroup; }
    data.edges.forEach(function (e) {
      if (f.off[e.code]) return;
      var a = end(e.from), b = end(e.to);
      if (a === b) return;  /* inside a closed group */
      if (a === e.from && b === e.to) {
        wantEdges.push(Object.assign({}, e, { label: labelsBox.checked ? e.vbLabel : "" }));
        return;
      }
      var key = a < b ? a + "\n" + b : b + "\n" + a;
      if (!byPair[key]) { byPair[key] = []; pairs.push(key); }
      byPair[key].push(e);
    });
    merged = {};
    pairs.sort().forEach(function (key) {
      var ends = key.split("\n");
      wantEdges.push(mergedEdge(ends[0], ends[1], byPair[key], labelsBox.checked));
    });
    var keepNodes = {}, keepEdges = {};
    wantNodes.forEach(function (n) { keepNodes[n.id] = true; });
    wantEdges.forEach(function (e) { keepEdges[e.id] = true; });
    edges.remove(edges.getIds({ filter: function (e) { return !keepEdges[e.id]; } }));
    nodes.remove(nodes.getIds({ filter: function (n) { return !keepNodes[n.id]; } }));
    nodes.update(wantNodes);
    edges.update(wantEdges.map(function (e) { return Object.assign({ title: undefined }, e); }));
    showGroups();
  }

  function openGroup(id) {
    if (!overview || !groupById[id] || opened[id]) return false;
    opened[id] = true;
    show();
    network.fit({ nodes: members[id], animation: false });
    return true;
  }

  function closeGroup(id) {
    if (!overview || !opened[id]) return false;
    opened[id] = false;
    show();
    network.selectNodes([id]);
    return true;
  }

  var groupList = document.getElementById("vb-groups");
  function showGroups() {
    if (!groupList) return;
    groupList.textContent = "";
    overview.groups.forEach(function (g) {
      var li = el("li");
      var button = el("button", opened[g.id] ? "vb-open" : null, (opened[g.id] ? "− " : "+ ") + g.label.replace(/\n/g, " · "));
      button.type = "button";
      button.setAttribute("aria-expanded", opened[g.id] ? "true" : "false");
      button.addEventListener("click", function () { if (opened[g.id]) closeGroup(g.id); else openGroup(g.id); });
      li.appendChild(button);
      groupList.appendChild(li);
    });
  }

  if (overview) {
    show();
    network.on("doubleClick", function (params) {
      var id = params.nodes[0];
      if (id === undefined) return;
      if (groupById[id]) openGroup(id);
      else if (byId[id]) closeGroup(byId[id].vbGroup);
    });
    container.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      var id = network.getSelectedNodes()[0];
      if (id !== undefined && groupById[id]) { ev.preventDefault(); openGroup(id); }
    });
  }

  /* Search by symbol, name or title, without diacritics: "109-NQ", "kiem tra giam sat". */
  var input = document.getElementById("vb-search");
  var results = document.getElementById("vb-results");

  function focusNode(id) {
    var n = byId[id];
    if (!n) return;
    if (overview) openGroup(n.vbGroup);
    var drawn = nodes.get(id);
    if (drawn && drawn.hidden) nodes.update({ id: id, hidden: false });
    tip(nodes, nodes.get(id), n.info);
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

  window.vbgraph = {
    network: network, nodes: nodes, edges: edges, focusNode: focusNode, search: search,
    openGroup: openGroup, closeGroup: closeGroup
  };
}());
