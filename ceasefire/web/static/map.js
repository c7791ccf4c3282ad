// Overview map: country outlines shipped as data (works offline), online
// tiles added underneath when the browser can reach them, event markers
// coloured by type and clustered when dense. All text from the server is set
// with textContent, never as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!el) { return; }
  function say(msg) { if (status) { status.textContent = msg; } }
  if (typeof L === "undefined") { say("The map's scripts did not load."); return; }

  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([30, 20], 2);
  el.dataset.state = "loading";

  fetch(el.dataset.outlines).then(function (r) { return r.json(); }).then(function (gj) {
    var outlines = L.geoJSON(gj, {
      style: { color: "#7d8a97", weight: 0.7, fillColor: "#eef0ea", fillOpacity: 1 },
      interactive: false
    }).addTo(map);
    outlines.bringToBack();
    el.dataset.outlines = "loaded";
    // Online tiles, only when one can actually be fetched.
    var probe = new Image();
    var timer = setTimeout(function () { probe.src = ""; }, 4000);
    probe.onload = function () {
      clearTimeout(timer);
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 18, attribution: "&copy; OpenStreetMap contributors"
      }).addTo(map);
      outlines.setStyle({ fillOpacity: 0, weight: 0.4 });
      el.dataset.tiles = "online";
    };
    probe.onerror = function () { clearTimeout(timer); el.dataset.tiles = "offline"; };
    probe.src = "https://tile.openstreetmap.org/0/0/0.png";
  }).catch(function () { el.dataset.outlines = "failed"; });

  // A popup is a small labelled table: what happened, who, when, where, and the link.
  function popup(p) {
    var box = document.createElement("div");
    box.className = "ev-popup";
    var table = document.createElement("table");
    function row(label, value, key) {
      var tr = document.createElement("tr");
      tr.dataset.field = key;
      var th = document.createElement("th");
      th.textContent = label;
      var td = document.createElement("td");
      td.textContent = value || "\u2014";
      if (!value) { td.className = "none"; }
      tr.appendChild(th);
      tr.appendChild(td);
      table.appendChild(tr);
    }
    row("Type", p.type, "type");
    row("Actors", [p.source || "?", p.target || "?"].join(" \u2192 "), "actors");
    if (!p.source && !p.target) { table.lastChild.lastChild.textContent = "\u2014"; table.lastChild.lastChild.className = "none"; }
    row("Date", p.date, "date");
    row("Place", p.place, "place");
    box.appendChild(table);
    var a = document.createElement("a");
    a.href = "/events/" + encodeURIComponent(String(p.id));
    a.textContent = "Open event " + p.id + " \u2192";
    box.appendChild(a);
    return box;
  }

  fetch(el.dataset.src).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  }).then(function (fc) {
    var cluster = L.markerClusterGroup({ maxClusterRadius: 40, chunkedLoading: true });
    var bounds = [];
    fc.features.forEach(function (ft) {
      var c = ft.geometry.coordinates, p = ft.properties;
      var icon = L.divIcon({ className: "ev-marker", html: "", iconSize: [14, 14] });
      var m = L.marker([c[1], c[0]], { icon: icon, title: p.type });
      m.on("add", function () {
        var node = m.getElement();
        if (node) { node.style.background = p.colour; }
      });
      m.bindPopup(function () { return popup(p); });
      cluster.addLayer(m);
      bounds.push([c[1], c[0]]);
    });
    // Fit first, without animation, so the clusters are built once for the final
    // zoom (adding them before an animated zoom leaves old and new clusters on
    // the page together for a moment).
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false }); }
    map.addLayer(cluster);
    el.dataset.markers = String(fc.features.length);
    el.dataset.state = "ready";
    if (fc.truncated) { say("Showing the latest " + fc.features.length + " geocoded events; narrow the filters to see the rest."); }
  }).catch(function (err) { el.dataset.state = "failed"; say("Could not load the events: " + (err && err.message ? err.message : String(err))); if (window.console) { console.error(err); } });
})();
