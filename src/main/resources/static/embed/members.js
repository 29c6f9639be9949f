/* Supporters members.js (docs/article-pages.md). Keep the marked parts `hidden`
 * in the HTML: hiding is not protection. */
(function () {
'use strict';
var script = document.currentScript;
var base = script ? new URL(script.src, document.baseURI).origin : '';
// data-lang, else <html lang>
var W = (/^de/.test(script && script.dataset.lang || document.documentElement.lang)
	? 'Anmelden|Unterstützen Sie unseren Journalismus|Unsere Leser bezahlen diesen Journalismus. |Unterstützen Sie uns|Schon dabei? |Schließen'
	: 'Sign in|Support our journalism|Reporting like this is paid for by its readers. |Support us|Already a supporter? |Close').split('|');
var DAY = 864e5;
var KEY = 'supporters.asks';
var queue = {};
var timer;

function all(selector) {
	return Array.from(document.querySelectorAll(selector));
}

function show(element, visible) {
	element.hidden = !visible;
}

function el(tag, className, text) {
	var element = document.createElement(tag);
	element.className = className || '';
	element.textContent = text || '';
	return element;
}

function link(path, text) {
	var anchor = el('a', '', text);
	anchor.href = base + path;
	return anchor;
}

function links(className, before, support, between) {
	var box = el('p', className, before);
	box.appendChild(link('/support', support));
	box.appendChild(document.createTextNode(between));
	box.appendChild(link('/sign-in', W[0]));
	return box;
}

function prompt() {
	var found = all('[data-support-prompt]');
	if (found.length || !script || !script.parentNode) return found;
	var box = links('supporters-prompt', '', W[1], ' · ');
	box.setAttribute('data-support-prompt', '');
	return [script.parentNode.insertBefore(box, script.nextSibling)];
}

function fillAsk(element) {
	if (!element.children.length && !element.textContent.trim()) {
		element.appendChild(links('', W[2], W[3], ' · ' + W[4]));
	}
}

function addReturn(element) {
	(element.tagName === 'A' ? [element] : Array.from(element.querySelectorAll('a[href]'))).forEach((anchor) => {
		var url = new URL(anchor.href, document.baseURI);
		if (url.origin === base && (url.pathname === '/support' || url.pathname === '/sign-in')
				&& !url.searchParams.has('return')) {
			url.searchParams.set('return', location.href);
			anchor.href = url.toString();
		}
	});
}

// never sent: r read {path: time}, v variants {ask: key}, s last ask shown,
// c banners closed {ask: time}; unreadable or full: no memory
function load() {
	var state = {};
	try {
		state = JSON.parse(localStorage.getItem(KEY)) || {};
	}
	catch (e) { /* afresh */ }
	return { r: state.r || {}, v: state.v || {}, s: state.s || 0, c: state.c || {} };
}

function save(state) {
	try {
		localStorage.setItem(KEY, JSON.stringify(state));
	}
	catch (e) { /* no memory */ }
}

function articles(state, now) {
	var kept = {};
	Object.keys(state.r).filter((path) => now - state.r[path] < 30 * DAY)
		.sort((a, b) => state.r[b] - state.r[a]).slice(0, 200)
		.forEach((path) => { kept[path] = state.r[path]; });
	state.r = kept;
	return Object.keys(kept).length;
}

// counts only: which ask, variant, placement and event, never who
function event(ask, variant, placement, name, now) {
	var id = [ask, variant, placement, name].join(' ');
	queue[id] = (queue[id] || 0) + 1;
	clearTimeout(timer);
	timer = setTimeout(send, now ? 0 : 1000);
}

function send() {
	var events = [];
	Object.keys(queue).forEach((id) => {
		var p = id.split(' ');
		for (var i = 0; i < queue[id] && events.length < 50; i++) {
			events.push({ ask: p[0], variant: p[1], placement: p[2], event: p[3] });
		}
	});
	queue = {};
	if (events.length) {
		fetch(base + '/api/v1/ask-events', { method: 'POST', credentials: 'omit', keepalive: true,
			headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ events }) }).catch(() => {});
	}
}

function pick(ask, state) {
	var chosen = ask.variants.filter((v) => v.key === state.v[ask.id])[0];
	var roll = Math.random() * 100;
	ask.variants.forEach((v) => {
		roll -= v.share;
		chosen = chosen || (roll < 0 ? v : null);
	});
	chosen = chosen || ask.variants[0];
	state.v[ask.id] = chosen.key;
	return chosen;
}

// plain text: paragraphs split by a blank line, links as [text](https://...)
function paragraphs(box, body, read) {
	body.split(/\n\s*\n/).forEach((part) => {
		var p = box.appendChild(el('p'));
		var pattern = /\[([^\]\n]+)\]\(((?:https?:\/\/|\/(?!\/))[^)\s]+)\)/g;
		var at = 0;
		var match;
		while ((match = pattern.exec(part))) {
			p.appendChild(document.createTextNode(read(part.slice(at, match.index))));
			p.appendChild(el('a', '', read(match[1]))).href = match[2];
			at = pattern.lastIndex;
		}
		p.appendChild(document.createTextNode(read(part.slice(at))));
	});
}

function render(element, ask, variant, placement, count) {
	var read = (text) => text.split('%ARTICLE_COUNT%').join(count);
	var box = el('div', 'supporters-ask supporters-' + placement);
	box.setAttribute('data-ask-variant', variant.key);
	box.appendChild(el(placement === 'banner' ? 'p' : 'h2', 'supporters-headline', read(variant.headline)));
	if (variant.body) paragraphs(box, variant.body, read);
	if (ask.ticker) {
		var bar = box.appendChild(el('div', 'supporters-ticker')).appendChild(el('progress'));
		bar.max = ask.ticker.goal;
		bar.value = Math.min(ask.ticker.progress, ask.ticker.goal);
		bar.setAttribute('aria-label', ask.ticker.text);
		bar.parentNode.appendChild(el('p', '', ask.ticker.text));
	}
	var button = box.appendChild(el('p')).appendChild(el('a', 'supporters-button', read(variant.button)));
	button.href = base + '/support?' + new URLSearchParams({ ask: ask.id, variant: variant.key,
		article: location.origin + location.pathname, 'return': location.href });
	button.addEventListener('click', () => event(ask.id, variant.key, placement, 'clicked', true));
	var line = box.appendChild(el('p', 'supporters-sign-in', W[4]));
	line.appendChild(link('/sign-in?return=' + encodeURIComponent(location.href), W[0]));
	if (placement === 'banner') {
		var close = box.appendChild(el('button', 'supporters-close', '×'));
		close.type = 'button';
		close.setAttribute('aria-label', W[5]);
		close.addEventListener('click', () => {
			var latest = load();
			latest.c[ask.id] = Date.now();
			save(latest);
			show(element, false);
			event(ask.id, variant.key, placement, 'closed');
		});
	}
	element.textContent = '';
	element.appendChild(box);
	show(element, true);
}

function asks(live, benefits) {
	var now = Date.now();
	var state = load();
	state.r[location.pathname] = now;
	var count = articles(state, now);
	var fewer = benefits.includes('fewer-asks');
	var shown = false;
	['article', 'banner'].forEach((placement) => {
		var ask = live.asks.filter((a) => a.placement === placement)[0];
		var elements = all(placement === 'banner' ? '[data-support-banner]' : '[data-support-ask]');
		if (!ask || !elements.length || !ask.variants.length) return;
		var variant = pick(ask, state);
		if ((placement === 'banner' && now - (state.c[ask.id] || 0) < live.closedDays * DAY)
				|| (fewer && (shown || now - state.s < live.fewerAsksDays * DAY)) || count < live.minimumArticles) {
			return;
		}
		if (!shown) {
			var css = document.head.insertBefore(el('link'), document.head.firstChild);
			css.rel = 'stylesheet';
			css.href = base + '/embed/ask.css';
		}
		elements.forEach((element) => {
			render(element, ask, variant, placement, count);
		});
		event(ask.id, variant.key, placement, 'shown');
		shown = true;
		state.s = now;
	});
	save(state);
	addEventListener('pagehide', send);
}

function apply(membership, tiers, live) {
	var benefits = membership.benefits || [];
	var member = membership.member === true;
	var membersOnly = member && benefits.includes('members-only');
	document.documentElement.setAttribute('data-membership', membership.status || 'none');
	all('[data-members-only]').forEach((element) => show(element, membersOnly));
	all('[data-benefit]').forEach((element) => show(element, member && benefits.includes(element.getAttribute('data-benefit'))));
	var at = membership.tier ? tiers.indexOf(membership.tier) : -1;
	all('[data-tier]').forEach((element) => {
		var wanted = element.getAttribute('data-tier');
		show(element, member && !!membership.tier
			&& (membership.tier === wanted || (at >= 0 && tiers.indexOf(wanted) >= 0 && at >= tiers.indexOf(wanted))));
	});
	var prompts = !member && !benefits.includes('fewer-asks');
	(prompts ? prompt() : all('[data-support-prompt]')).forEach((element) => {
		addReturn(element);
		show(element, prompts);
	});
	// no live ask at the end of articles: the one-line ask
	if (!(live && live.asks.some((a) => a.placement === 'article'))) {
		all('[data-support-ask]').forEach((element) => {
			if (prompts && live) {
				fillAsk(element);
				addReturn(element);
			}
			show(element, prompts && !!live);
		});
	}
	if (live && !membersOnly) asks(live, benefits);
	document.dispatchEvent(new CustomEvent('supporters:membership', { detail: membership }));
}

function json(path, credentials, signal) {
	return fetch(base + path, { credentials, headers: { Accept: 'application/json' }, signal })
		.then((response) => {
			if (!response.ok) throw new Error(path + ' ' + response.status);
			return response.json();
		});
}

function start() {
	// slow is down: after 5 s the page stays as it is
	var controller = new AbortController();
	var signal = controller.signal;
	var abort = setTimeout(() => controller.abort(), 5000);
	var tiers = !document.querySelector('[data-tier]') ? Promise.resolve([])
		: json('/api/v1/tiers', 'omit', signal).then((answer) => (answer.tiers || []).map((tier) => tier.slug), () => []);
	// no answer, no ask: the page stays as it is
	var live = !document.querySelector('[data-support-ask],[data-support-banner]') ? Promise.resolve(null)
		: json('/api/v1/asks', 'omit', signal).catch(() => null);
	Promise.all([json('/api/v1/membership', 'include', signal), tiers, live])
		.then((answers) => apply(answers[0], answers[1], answers[2]))
		.catch(() => document.documentElement.setAttribute('data-membership', 'unknown'))
		.then(() => clearTimeout(abort));
}

if (document.readyState === 'loading') {
	document.addEventListener('DOMContentLoaded', start);
}
else {
	start();
}
})();
