/*
 * Lede headlines for partner pages. Add an element and this script:
 *
 *   <div data-lede-headlines data-section="world" data-limit="5" data-lang="en"></div>
 *   <script src="https://<lede-host>/embed/headlines.js" async></script>
 *
 * Every such element gets a list of links to the newest stories, read from /v1/headlines of the
 * server the script came from. Text is always inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var origin = new URL(script ? script.src : '/', window.location.href).origin;
  var OPTIONS = ['section', 'limit', 'lang'];

  function safeUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function render(container, items) {
    var list = document.createElement('ul');
    list.className = 'lede-headlines';
    items.forEach(function (item) {
      var entry = document.createElement('li');
      var href = safeUrl(item.url);
      var link = document.createElement(href ? 'a' : 'span');
      if (href) {
        link.href = href;
      }
      link.textContent = item.headline;
      entry.appendChild(link);
      list.appendChild(entry);
    });
    container.replaceChildren(list);
    container.setAttribute('aria-busy', 'false');
  }

  function load(container) {
    if (container.getAttribute('data-lede-loaded')) {
      return;
    }
    container.setAttribute('data-lede-loaded', 'true');
    container.setAttribute('aria-busy', 'true');
    if (!container.getAttribute('aria-label')) {
      container.setAttribute('aria-label', 'Latest headlines');
    }
    var query = new URLSearchParams();
    OPTIONS.forEach(function (name) {
      var value = container.getAttribute('data-' + name);
      if (value) {
        query.set(name, value);
      }
    });
    fetch(origin + '/v1/headlines?' + query.toString(), {
      headers: { Accept: 'application/json' },
      credentials: 'omit'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (body) {
      render(container, body.items || []);
    }).catch(function () {
      container.setAttribute('aria-busy', 'false');
      container.setAttribute('data-lede-error', 'unavailable');
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-lede-headlines]'), load);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
