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
    // a new filter starts at the first page; the same one (a link followed) stays on its page
    if (words.join(' ') !== appliedWords) {
      appliedWords = words.join(' ');
      page = 0;
    }
    paginate();
  }

  var appliedWords = null;

  // Rows past the current page are kept out of the layout (class off-page), which keeps a long
  // table fast; the filter and the sort work on every row.
  var PAGE_ROWS = parseInt(table.getAttribute('data-page-rows'), 10) || Infinity;
  var pageRows = PAGE_ROWS;
  var page = 0;
  var pager = document.getElementById('pager');

  function paginate() {
    var matching = rows().filter(function (row) { return !row.hidden; });
    var pages = Math.max(1, Math.ceil(matching.length / pageRows));
    page = Math.min(page, pages - 1);
    var first = page * pageRows;
    var last = Math.min(matching.length, first + pageRows);
    rows().forEach(function (row) { row.classList.remove('off-page'); });
    matching.forEach(function (row, i) {
      if (i < first || i >= last) {
        row.classList.add('off-page');
      }
    });
    pager.hidden = matching.length <= PAGE_ROWS;
    document.getElementById('page-rows').textContent = 'rows ' + (matching.length ? first + 1 : 0)
        + '\u2013' + last + ' of ' + matching.length;
    document.getElementById('page-previous').disabled = page === 0;
    document.getElementById('page-next').disabled = page >= pages - 1;
    document.getElementById('page-all').textContent =
        pageRows === Infinity ? PAGE_ROWS + ' rows a page' : 'all rows';
  }

  function turn(by) {
    page += by;
    paginate();
    table.scrollIntoView();
  }

  document.getElementById('page-previous').addEventListener('click', function () { turn(-1); });
  document.getElementById('page-next').addEventListener('click', function () { turn(1); });
  document.getElementById('page-all').addEventListener('click', function () {
    pageRows = pageRows === Infinity ? PAGE_ROWS : Infinity;
    page = 0;
    paginate();
  });

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
    page = 0;
    paginate();
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

  // returns whether the page holds the details, which it may leave out (--report-details)
  function openDetail(id) {
    var detail = document.getElementById(id);
    if (detail && detail.tagName === 'DETAILS') {
      detail.open = true;
      detail.scrollIntoView();
      return true;
    }
    return false;
  }

  var rowNote = document.getElementById('row-note');

  body.addEventListener('click', function (e) {
    var row = e.target.closest('tr.alert');
    if (row && e.target.tagName !== 'A') {
      var number = row.getAttribute('data-alert');
      var found = openDetail('alert-' + number);
      if (rowNote) {
        rowNote.hidden = found;
        rowNote.textContent = found ? '' : 'Alert #' + number + ' has no details in this page'
            + ' (only the highest-scoring alerts have them; see --report-details).';
      }
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

  // The timeline as TimelineSvg draws it, redrawn here at the page's width and for a zoomed span:
  // a click on a numbered mark zooms into its alerts, a click on a host into that host's.
  function timeline(svg) {
    var NS = 'http://www.w3.org/2000/svg';
    var reset = document.getElementById('timeline-reset');
    var rangeText = document.getElementById('timeline-range');
    var layout = {};
    ['origin', 'from', 'to', 'label', 'right', 'top', 'axis', 'cluster', 'tick-spacing']
      .forEach(function (name) { layout[name] = parseFloat(svg.getAttribute('data-' + name)); });
    var whole = [layout.from, layout.to];
    var view = whole.slice();
    var height = parseFloat(svg.getAttribute('height'));
    var lanes = Array.prototype.map.call(svg.querySelectorAll('g.lane'), function (g) {
      return {
        marks: g.querySelector('g.marks'),
        line: g.querySelector('line.lane'),
        y: parseFloat(g.querySelector('line.lane').getAttribute('y1')),
        times: numbers(g, 'times').map(function (t) { return t + layout.origin; }),
        scores: numbers(g, 'scores'),
        alerts: numbers(g, 'alerts')
      };
    });

    function numbers(g, name) {
      var text = g.getAttribute('data-' + name) || '';
      return text ? text.split(' ').map(parseFloat) : [];
    }

    function element(name, attributes, text) {
      var node = document.createElementNS(NS, name);
      Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      if (text !== undefined) {
        node.textContent = text;
      }
      return node;
    }

    function clear(node) {
      while (node.firstChild) {
        node.removeChild(node.firstChild);
      }
    }

    function draw() {
      var width = Math.max(480, Math.floor(svg.parentNode.clientWidth));
      svg.setAttribute('width', width);
      svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
      var plot = width - layout.label - layout.right;
      var x = function (t) { return layout.label + (t - view[0]) / (view[1] - view[0]) * plot; };
      drawAxis(x, Math.max(2, Math.floor(plot / layout['tick-spacing'])));
      lanes.forEach(function (lane) {
        lane.line.setAttribute('x2', width - layout.right);
        drawMarks(lane, x);
      });
      var zoomed = view[0] !== whole[0] || view[1] !== whole[1];
      reset.hidden = !zoomed;
      rangeText.textContent = isoMinute(view[0]) + ' \u2013 ' + isoMinute(view[1])
          + ' UTC. Click a numbered mark or a host to zoom in.';
    }

    function drawAxis(x, most) {
      var axis = svg.querySelector('g.axis');
      clear(axis);
      var base = height - layout.axis;
      ticks(view[0], view[1], most).forEach(function (tick) {
        var at = x(tick.time).toFixed(1);
        axis.appendChild(element('line',
            {'class': 'tick', x1: at, y1: layout.top, x2: at, y2: base + 4}));
        axis.appendChild(element('text', {'class': 'tick', x: at, y: base + 18}, tick.label));
        if (tick.date) {
          axis.appendChild(element('text', {'class': 'tick date', x: at, y: base + 32}, tick.date));
        }
      });
      axis.appendChild(element('text', {'class': 'zone', x: 4, y: base + 18}, 'UTC'));
    }

    // groups as TimelineSvg.marks makes them: within the cluster width, then overlaps merged
    function drawMarks(lane, x) {
      clear(lane.marks);
      var groups = [];
      var group = [];
      for (var i = 0; i <= lane.times.length; i++) {
        var inView = i < lane.times.length && lane.times[i] >= view[0] && lane.times[i] <= view[1];
        if (i < lane.times.length && !inView) {
          continue;
        }
        if (group.length && (i === lane.times.length
            || x(lane.times[i]) - x(lane.times[group[0]]) > layout.cluster)) {
          groups.push(group);
          group = [];
          while (groups.length > 1 && overlap(lane, groups, x)) {
            var last = groups.pop();
            groups.push(groups.pop().concat(last));
          }
        }
        if (i < lane.times.length) {
          group.push(i);
        }
      }
      groups.forEach(function (g) { lane.marks.appendChild(mark(lane, g, x)); });
    }

    function centre(lane, group, x) {
      return (x(lane.times[group[0]]) + x(lane.times[group[group.length - 1]])) / 2;
    }

    function radius(count) {
      return Math.min(11, 4 + 2 * Math.log(count) / Math.LN2);
    }

    function overlap(lane, groups, x) {
      var a = groups[groups.length - 2];
      var b = groups[groups.length - 1];
      return centre(lane, b, x) - centre(lane, a, x) < radius(a.length) + radius(b.length) + 1;
    }

    function mark(lane, group, x) {
      var from = lane.times[group[0]];
      var to = lane.times[group[group.length - 1]];
      var score = 0;
      var link = -1;
      group.forEach(function (i) {
        score = Math.max(score, lane.scores[i]);
        var detailed = document.getElementById('alert-' + lane.alerts[i]);
        if (detailed && (link < 0 || lane.scores[i] > lane.scores[link])) {
          link = i;
        }
      });
      var cx = centre(lane, group, x).toFixed(1);
      var node = link < 0 ? element('g', {}) : element('a', {href: '#alert-' + lane.alerts[link]});
      node.setAttribute('class', 'mark');
      node.setAttribute('data-from', from - layout.origin);
      node.setAttribute('data-to', to - layout.origin);
      node.setAttribute('data-count', group.length);
      var r = radius(group.length).toFixed(1);
      var circle = element('circle', {'class': 's' + score, cx: cx, cy: lane.y, r: r});
      circle.appendChild(element('title', {}, tooltip(lane, group, score)));
      node.appendChild(circle);
      if (group.length > 1) {
        var n = group.length;
        var count = n < 1000 ? String(n) : Math.floor(n / 1000) + 'k';
        node.appendChild(element('text', {'class': 'count', x: cx, y: lane.y + 3}, count));
      }
      return node;
    }

    function tooltip(lane, group, score) {
      var from = lane.times[group[0]];
      var to = lane.times[group[group.length - 1]];
      if (group.length > 1) {
        return group.length + ' alert(s) '
            + (from === to ? 'at ' + iso(from) : 'from ' + iso(from) + ' to ' + iso(to))
            + ', highest score ' + score + (from === to ? '' : '; click to zoom in');
      }
      var row = body.querySelector('tr[data-alert="' + lane.alerts[group[0]] + '"]');
      return iso(from) + (row ? '  ' + cell(row, 'rule') + '  score ' + cell(row, 'score')
          + '\n' + cell(row, 'command').substring(0, 80) : '');
    }

    function cell(row, column) {
      var th = table.querySelector('th[data-col="' + column + '"]');
      return th && row.cells[th.cellIndex] ? row.cells[th.cellIndex].textContent : '';
    }

    function zoom(from, to) {
      var pad = Math.max((to - from) * 0.05, 1);
      view = [from - pad, to + pad];
      draw();
    }

    svg.addEventListener('click', function (e) {
      var markNode = e.target.closest('.mark');
      if (markNode && parseFloat(markNode.getAttribute('data-count')) > 1) {
        var from = parseFloat(markNode.getAttribute('data-from')) + layout.origin;
        var to = parseFloat(markNode.getAttribute('data-to')) + layout.origin;
        if (to > from) {
          e.preventDefault();
          zoom(from, to);
        }
        return;
      }
      var host = e.target.closest('text.host');
      if (host) {
        var lane = lanes[parseInt(host.parentNode.getAttribute('data-lane'), 10)];
        zoom(lane.times[0], lane.times[lane.times.length - 1]);
      }
    });
    reset.addEventListener('click', function () {
      view = whole.slice();
      draw();
    });
    var pending = false;
    window.addEventListener('resize', function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () { pending = false; draw(); });
      }
    });
    draw();
  }

  // Round ticks at UTC times, chosen as TimeTicks chooses them
  var STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
    3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600];
  var MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];
  var DAY = 86400;

  function ticks(from, to, most) {
    for (var i = 0; i < STEPS.length; i++) {
      if (Math.floor(to / STEPS[i]) - Math.ceil(from / STEPS[i]) + 1 <= most) {
        return fixedTicks(from, to, STEPS[i]);
      }
    }
    for (var j = 0; j < MONTH_STEPS.length; j++) {
      var months = MONTH_STEPS[j];
      if (Math.floor(monthIndex(to) / months) - Math.ceil(monthIndex(from) / months) + 1 <= most) {
        return monthTicks(from, to, months);
      }
    }
    return monthTicks(from, to, MONTH_STEPS[MONTH_STEPS.length - 1]);
  }

  function fixedTicks(from, to, step) {
    var offset = step === 7 * DAY || step === 14 * DAY ? 4 * DAY : 0;
    var out = [];
    var lastDay = null;
    for (var t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) {
      var text = new Date(Math.floor(t) * 1000).toISOString();
      var day = text.substring(0, 10);
      var label = step < 60 ? text.substring(11, 19) : step < DAY ? text.substring(11, 16) : day;
      out.push({time: t, label: label, date: step < DAY && day !== lastDay ? day : null});
      lastDay = day;
    }
    return out;
  }

  function monthTicks(from, to, months) {
    var out = [];
    for (var index = Math.ceil(monthIndex(from) / months) * months; ; index += months) {
      var t = Date.UTC(Math.floor(index / 12), index % 12, 1) / 1000;
      if (t > to) {
        return out;
      }
      if (t >= from) {
        var text = new Date(t * 1000).toISOString();
        out.push({time: t, label: months % 12 === 0 ? text.substring(0, 4) : text.substring(0, 7)});
      }
    }
  }

  function monthIndex(time) {
    var at = new Date(Math.floor(time) * 1000);
    var year = at.getUTCFullYear();
    var month = at.getUTCMonth();
    var start = Date.UTC(year, month, 1) / 1000;
    var next = Date.UTC(year, month + 1, 1) / 1000;
    return year * 12 + month + (time - start) / (next - start);
  }

  function iso(time) {
    return new Date(Math.round(time * 1000)).toISOString();
  }

  function isoMinute(time) {
    return iso(time).substring(0, 16).replace('T', ' ');
  }

  var chart = document.getElementById('timeline-chart');
  if (chart) {
    timeline(chart);
  }
})();
