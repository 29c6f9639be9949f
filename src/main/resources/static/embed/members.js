/*
 * Supporters members.js: shows members-only parts of an article page to members.
 * <script src="https://members.example.com/embed/members.js" defer></script>
 *   [data-members-only]        shown to members
 *   [data-benefit="ad-free"]   shown to readers with that benefit
 *   [data-support-prompt]      shown to everyone else (not to contributors with fewer-asks);
 *                              without one, a prompt linking to /support is added
 * Mark them `hidden` in the HTML: if this service cannot be reached, they stay hidden.
 */
(function () {
	'use strict';
	var script = document.currentScript;
	var base = script ? new URL(script.src, document.baseURI).origin : '';

	function all(selector) {
		return Array.prototype.slice.call(document.querySelectorAll(selector));
	}

	function show(element, visible) {
		element.hidden = !visible;
	}

	function prompt() {
		var found = all('[data-support-prompt]');
		if (found.length || !script || !script.parentNode) {
			return found;
		}
		var box = document.createElement('p');
		box.className = 'supporters-prompt';
		box.setAttribute('data-support-prompt', '');
		var link = document.createElement('a');
		link.href = base + '/support';
		link.textContent = 'Support our journalism';
		box.appendChild(link);
		script.parentNode.insertBefore(box, script.nextSibling);
		return [box];
	}

	function apply(membership) {
		var benefits = membership.benefits || [];
		var member = membership.member === true;
		document.documentElement.setAttribute('data-membership', membership.status || 'none');
		all('[data-members-only]').forEach(function (element) {
			show(element, member);
		});
		all('[data-benefit]').forEach(function (element) {
			show(element, benefits.indexOf(element.getAttribute('data-benefit')) >= 0);
		});
		var asks = !member && benefits.indexOf('fewer-asks') < 0;
		(asks ? prompt() : all('[data-support-prompt]')).forEach(function (element) {
			show(element, asks);
		});
		document.dispatchEvent(new CustomEvent('supporters:membership', { detail: membership }));
	}

	function failSafe() {
		document.documentElement.setAttribute('data-membership', 'unknown');
	}

	function start() {
		var controller = typeof AbortController === 'function' ? new AbortController() : null;
		var timer = controller ? setTimeout(function () { controller.abort(); }, 5000) : null;
		fetch(base + '/api/v1/membership', {
			credentials: 'include',
			headers: { 'Accept': 'application/json' },
			signal: controller ? controller.signal : undefined
		}).then(function (response) {
			if (!response.ok) {
				throw new Error('membership ' + response.status);
			}
			return response.json();
		}).then(apply).catch(failSafe).then(function () {
			clearTimeout(timer);
		});
	}

	try {
		if (document.readyState === 'loading') {
			document.addEventListener('DOMContentLoaded', start);
		}
		else {
			start();
		}
	}
	catch (e) {
		failSafe();
	}
})();
