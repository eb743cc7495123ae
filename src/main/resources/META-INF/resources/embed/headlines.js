/*
 * Lede headlines for partner pages, version 2. Add an element and this script:
 *
 *   <div data-lede-headlines data-section="world" data-limit="5" data-lang="en"></div>
 *   <script src="https://<lede-host>/embed/headlines.js" async></script>
 *
 * Options (attributes of the element): data-section, data-limit, data-lang (also the language of
 * labels and times; else the page's), data-layout="cards" (default) or "list", data-live="true"
 * (refresh from /v1/events as stories are published), aria-label (the list's name).
 * Theming: --lede-font, --lede-accent, --lede-text, --lede-background, --lede-radius on the element.
 *
 * Everything renders inside an open shadow root, so the page's CSS cannot reach it and its CSS
 * cannot reach the page. Text from the API is always inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var origin = new URL(script ? script.src : '/', window.location.href).origin;
  var OPTIONS = ['section', 'limit', 'lang'];
  var LABELS = {
    en: { title: 'Latest headlines', live: 'LIVE', from: 'Headlines from ' },
    de: { title: 'Neueste Schlagzeilen', live: 'LIVE', from: 'Schlagzeilen von ' },
    fr: { title: 'Derniers titres', live: 'EN DIRECT', from: 'Titres de ' },
    es: { title: 'Últimos titulares', live: 'EN VIVO', from: 'Titulares de ' }
  };
  var UNITS = [['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 4.35], ['month', 12], ['year', Infinity]];
  // The host keeps only what makes it visible and sized: the important declarations of a shadow
  // root's :host win over the page's own important ones, so `* { display: none !important }` on the
  // page does not hide it. Inside, `all: initial` cuts every inherited property (font-size: 0, red
  // text) off at the wrapper.
  var CSS = ':host{display:block!important;visibility:visible!important;opacity:1!important;' +
    'contain:content;min-width:0}' +
    '.w{all:initial;display:block;box-sizing:border-box;' +
    '--t:var(--lede-text,#1d1d1f);--b:var(--lede-background,#fff);--a:var(--lede-accent,#c8102e);' +
    '--m:#5c5f66;--l:#dcdde0;--p:#e8e9ec;--r:var(--lede-radius,8px);' +
    'font:16px/1.35 var(--lede-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--t);background:var(--b)}' +
    '@media (prefers-color-scheme:dark){.w{--t:var(--lede-text,#ececee);--b:var(--lede-background,#18191b);' +
    '--m:#a4a7ad;--l:#34363a;--p:#2a2c30}}' +
    '*,*::before,*::after{box-sizing:border-box}' +
    'ul{list-style:none;margin:0;padding:0}' +
    '.cards{display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(min(100%,14em),1fr))}' +
    '.card{position:relative;display:flex;flex-direction:column;border:1px solid var(--l);border-radius:var(--r);' +
    'overflow:hidden;background:var(--b)}' +
    '.card:focus-within{outline:3px solid var(--a);outline-offset:2px}' +
    '.media{order:-1;aspect-ratio:16/9;background:var(--p)}' +
    'img{display:block;width:100%;height:100%;object-fit:cover;border:0}' +
    '.body{display:flex;flex-direction:column;gap:6px;padding:10px 12px 12px}' +
    'a{color:inherit;text-decoration:none}' +
    '.card a::after{content:"";position:absolute;inset:0}' +
    'a:hover{text-decoration:underline}' +
    'a:focus-visible{outline:3px solid var(--a);outline-offset:2px;border-radius:2px}' +
    '.card a:focus-visible{outline:none}' +
    '.h{font-weight:700;font-size:1.05em;margin:0}' +
    '.meta{order:-1;display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;margin:0;font-size:.8em;color:var(--m)}' +
    '.live{background:var(--a);color:#fff;font-weight:700;letter-spacing:.04em;padding:1px 6px;border-radius:3px}' +
    '.list li{padding:6px 0;border-bottom:1px solid var(--l)}' +
    '.list a{color:var(--a)}' +
    '.by{margin:10px 0 0;font-size:.75em;color:var(--m)}' +
    '.by a{text-decoration:underline}';

  // A constructed sheet is not inline style as far as the page's Content-Security-Policy goes; the
  // <style> element is the fallback for browsers without one.
  var sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  } catch (e) {
    sheet = null;
  }
  var timeFormats = {};
  var widgets = [];
  var events = null;

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  /** API URLs may be relative to the service; they must not become relative to the partner's page. */
  function safeUrl(value) {
    if (typeof value !== 'string' || !value) {
      return null;
    }
    try {
      var url = new URL(value, origin);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A language tag Intl accepts (a partner may write anything in data-lang), else English. */
  function locale(tag) {
    try {
      return Intl.getCanonicalLocales(tag || 'en')[0] || 'en';
    } catch (e) {
      return 'en';
    }
  }

  function labels(lang) {
    return LABELS[(lang || '').toLowerCase().split('-')[0]] || LABELS.en;
  }

  function relative(date, lang, now) {
    var format = timeFormats[lang];
    if (!format) {
      format = timeFormats[lang] = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    }
    var value = Math.min(0, (date.getTime() - now) / 1000);
    for (var i = 0; i < UNITS.length; i++) {
      if (Math.abs(value) < UNITS[i][1]) {
        return format.format(Math.round(value), UNITS[i][0]);
      }
      value /= UNITS[i][1];
    }
  }

  function stamp(widget, time) {
    time.textContent = relative(new Date(time.dateTime), widget.lang, Date.now());
  }

  /** The picture in a box of reserved size, coloured like the picture until it loads; null without one. */
  function thumbnail(item) {
    var picture = item.thumbnail || {};
    var src = safeUrl(picture.url || item.thumbnailUrl);
    if (!src) {
      return null;
    }
    var media = el('div', 'media');
    var color = picture.placeholder && picture.placeholder.dominantColor;
    if (/^#[0-9a-f]{6}$/i.test(color || '')) {
      media.style.backgroundColor = color;
    }
    var img = el('img');
    img.alt = picture.alt || '';
    img.loading = 'lazy';
    img.decoding = 'async';
    if (picture.width > 0 && picture.height > 0) {
      img.width = picture.width;
      img.height = picture.height;
    }
    var set = (picture.srcset || []).map(function (source) {
      var url = safeUrl(source.url);
      return url && source.width > 0 ? url.replace(/[\s,]/g, encodeURIComponent) + ' ' + source.width + 'w' : null;
    }).filter(Boolean);
    if (set.length) {
      img.srcset = set.join(', ');
      img.sizes = '(max-width: 480px) 100vw, 320px';
    }
    img.src = src;
    media.appendChild(img);
    return media;
  }

  function card(widget, item, href) {
    var entry = el('li', 'card');
    var body = el('div', 'body');
    var title = el('p', 'h');
    var link = el(href ? 'a' : 'span', null, item.headline);
    if (href) {
      link.href = href;
    }
    title.appendChild(link);
    body.appendChild(title);
    var meta = el('p', 'meta');
    if (item.live && item.live.status === 'live') {
      meta.appendChild(el('span', 'live', labels(widget.lang).live));
    }
    if (item.section) {
      meta.appendChild(el('span', 'section', item.section));
    }
    var published = new Date(item.publishedAt);
    if (!isNaN(published)) {
      var time = el('time');
      time.dateTime = published.toISOString();
      time.title = published.toLocaleString(widget.lang);
      stamp(widget, time);
      meta.appendChild(time);
    }
    body.appendChild(meta);
    entry.appendChild(body);
    var media = thumbnail(item);
    if (media) {
      entry.appendChild(media);
    }
    return entry;
  }

  function render(widget, items) {
    var cards = widget.layout !== 'list';
    var words = labels(widget.lang);
    var focused = widget.root.activeElement && widget.root.activeElement.href;
    var section = el('section', 'w');
    section.setAttribute('aria-label', widget.host.getAttribute('aria-label') || words.title);
    var list = el('ul', cards ? 'cards' : 'list');
    // list-style: none makes some screen readers stop announcing a list; the role keeps it one.
    list.setAttribute('role', 'list');
    var publisher = null;
    items.forEach(function (item) {
      var href = safeUrl(item.url);
      publisher = publisher || (href && new URL(href).origin);
      if (cards) {
        list.appendChild(card(widget, item, href));
        return;
      }
      var entry = el('li');
      var link = el(href ? 'a' : 'span', null, item.headline);
      if (href) {
        link.href = href;
      }
      entry.appendChild(link);
      list.appendChild(entry);
    });
    section.appendChild(list);
    if (publisher) {
      var by = el('p', 'by');
      var home = el('a', null, words.from + new URL(publisher).host);
      home.href = publisher + '/';
      by.appendChild(home);
      section.appendChild(by);
    }
    widget.root.replaceChildren.apply(widget.root, widget.style ? [widget.style, section] : [section]);
    widget.ids = items.map(function (item) { return item.id; });
    if (focused) {
      var again = Array.prototype.find.call(section.querySelectorAll('a'), function (a) { return a.href === focused; });
      if (again) {
        again.focus();
      }
    }
    widget.host.setAttribute('aria-busy', 'false');
    widget.host.removeAttribute('data-lede-error');
  }

  function fetchHeadlines(widget, fresh) {
    var query = new URLSearchParams();
    OPTIONS.forEach(function (name) {
      var value = widget.host.getAttribute('data-' + name);
      if (value) {
        query.set(name, value);
      }
    });
    // After a change the browser's copy is stale: revalidate it (a cheap 304 when nothing moved).
    return fetch(origin + '/v1/headlines?' + query.toString(), {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      cache: fresh ? 'no-cache' : 'default'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      widget.lang = locale(widget.host.getAttribute('data-lang') || response.headers.get('Content-Language') || widget.lang);
      return response.json();
    }).then(function (body) {
      render(widget, body.items || []);
    }).catch(function () {
      widget.host.setAttribute('aria-busy', 'false');
      widget.host.setAttribute('data-lede-error', 'unavailable');
    });
  }

  /** Whether a change touches what this widget shows: its section's list, or one of its stories. */
  function concerns(widget, keys) {
    var list = widget.section ? 'section-' + widget.section : 'all-sections';
    return keys.some(function (key) {
      return key === 'all' || key === list || (key.indexOf('article-') === 0 && widget.ids.indexOf(key.slice(8)) >= 0);
    });
  }

  function refresh(widget) {
    // One fetch for a burst of changes (a publish touches several keys, editors save in a row).
    clearTimeout(widget.timer);
    widget.timer = setTimeout(function () { fetchHeadlines(widget, true); }, 150);
  }

  function listen(lastId, delay) {
    var url = origin + '/v1/events' + (lastId ? '?lastEventId=' + encodeURIComponent(lastId) : '');
    var source = new EventSource(url);
    events = source;
    var live = function () { return widgets.filter(function (widget) { return widget.live; }); };
    source.addEventListener('changed', function (event) {
      lastId = event.lastEventId || lastId;
      delay = 1000;
      var keys = [];
      try {
        keys = JSON.parse(event.data).keys || [];
      } catch (e) {
        return;
      }
      live().forEach(function (widget) {
        if (concerns(widget, keys)) {
          refresh(widget);
        }
      });
    });
    source.addEventListener('reset', function (event) {
      lastId = event.lastEventId || lastId;
      live().forEach(refresh);
    });
    // EventSource reconnects by itself, sending Last-Event-ID, unless the answer was an error; a
    // closed stream is reopened here, later each time, from the last event seen.
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(function () { listen(lastId, Math.min(delay * 2, 60000)); }, delay + Math.random() * 1000);
      }
    });
  }

  function load(host) {
    if (host.getAttribute('data-lede-loaded')) {
      return;
    }
    host.setAttribute('data-lede-loaded', 'true');
    host.setAttribute('aria-busy', 'true');
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    var style = null;
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
    } else {
      style = el('style', null, CSS);
    }
    var widget = {
      host: host,
      root: root,
      style: style,
      layout: host.getAttribute('data-layout') || 'cards',
      live: host.getAttribute('data-live') === 'true',
      section: host.getAttribute('data-section'),
      lang: locale(host.getAttribute('data-lang') || document.documentElement.lang || navigator.language),
      ids: []
    };
    widget.root.replaceChildren.apply(widget.root, style ? [style] : []);
    widgets.push(widget);
    fetchHeadlines(widget, false);
    if (widget.live && !events && typeof EventSource === 'function') {
      listen(null, 1000);
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-lede-headlines]'), load);
    setInterval(function () {
      widgets.forEach(function (widget) {
        Array.prototype.forEach.call(widget.root.querySelectorAll('time'), function (time) { stamp(widget, time); });
      });
    }, 30000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
