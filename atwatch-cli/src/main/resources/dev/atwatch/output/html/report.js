(function () {
  'use strict';
  var table = document.getElementById('alert-table');
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  if (!table || !filter) {
    return;
  }
  var body = table.tBodies[0];

  function rows() {
    return Array.prototype.slice.call(body.rows);
  }

  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var count = 0;
    rows().forEach(function (row) {
      var text = row.getAttribute('data-search') || '';
      var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !keep;
      if (keep) {
        count++;
      }
    });
    shown.textContent = count + ' of ' + body.rows.length + ' shown';
    table.setAttribute('data-shown', String(count));
  }

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var text = cell.getAttribute('data-value') || cell.textContent;
    if (numeric) {
      var n = parseFloat(text);
      return isNaN(n) ? -Infinity : n;
    }
    return text.toLowerCase();
  }

  function sortBy(th, descending) {
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var sorted = rows().sort(function (a, b) {
      var x = cellValue(a, index, numeric);
      var y = cellValue(b, index, numeric);
      var order = x < y ? -1 : (x > y ? 1 : 0);
      return descending ? -order : order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () {
      sortBy(th, th.getAttribute('aria-sort') === 'ascending');
    });
  });

  function openDetail(id) {
    var detail = document.getElementById(id);
    if (detail && detail.tagName === 'DETAILS') {
      detail.open = true;
      detail.scrollIntoView();
    }
  }

  body.addEventListener('click', function (e) {
    var row = e.target.closest('tr.alert');
    if (row && e.target.tagName !== 'A') {
      openDetail('alert-' + row.getAttribute('data-alert'));
    }
  });

  // #filter=words and #sort=column[-desc] apply on load, so a link can share a view
  function applyFragment() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    hash.split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      var key = eq < 0 ? part : part.substring(0, eq);
      var value = eq < 0 ? '' : part.substring(eq + 1);
      if (key === 'filter') {
        filter.value = value;
      } else if (key === 'sort') {
        var desc = /-desc$/.test(value);
        var name = value.replace(/-desc$/, '');
        var th = table.querySelector('th[data-col="' + name.replace(/[^A-Za-z0-9_]/g, '') + '"]');
        if (th) {
          sortBy(th, desc);
        }
      } else if (/^alert-\d+$/.test(key)) {
        openDetail(key);
      }
    });
    applyFilter();
  }

  filter.addEventListener('input', applyFilter);
  window.addEventListener('hashchange', applyFragment);
  applyFragment();
})();
