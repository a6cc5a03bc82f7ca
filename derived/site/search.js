// Search without a server: SEARCH_INDEX (search-index.js, written by the build) holds [title, address, text] for
// every row and every person, body and place; a result must contain every word asked for. An entity's entry may
// carry a fourth item, those the package links to it as possibly the same, shown under it, labelled so.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var asked = (params.get("q") || "").trim();
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  input.value = asked;
  if (!asked) { return; }
  var words = asked.toLowerCase().split(/\s+/);
  var found = SEARCH_INDEX.filter(function (entry) {
    var text = entry[2].toLowerCase();
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  });
  var heading = document.createElement("h2");
  heading.textContent = found.length + (found.length === 1 ? " result" : " results") + " for \u201c" + asked + "\u201d";
  results.appendChild(heading);
  var list = document.createElement("ol");
  found.slice(0, 500).forEach(function (entry) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = entry[1];
    link.textContent = entry[0];
    item.appendChild(link);
    item.appendChild(document.createTextNode(": " + entry[2].slice(0, 240)));
    // who may be the same (entry[3]: [name, address, how linked]), listed under the match, not as one
    if (entry[3]) {
      var same = document.createElement("ul");
      same.className = "possibly-same";
      entry[3].forEach(function (other) {
        var line = document.createElement("li");
        var to = document.createElement("a");
        to.href = other[1];
        to.textContent = other[0];
        line.appendChild(to);
        line.appendChild(document.createTextNode(": " + other[2]));
        same.appendChild(line);
      });
      item.appendChild(same);
    }
    list.appendChild(item);
  });
  results.appendChild(list);
}());
