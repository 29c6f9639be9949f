// After a failed submit the page comes back with its errors: focus moves to the error
// summary (else to the first field in error), so a screen reader reads the problem out and
// the keyboard starts from there instead of the top of the page.
(function () {
	var target = document.querySelector('.error-summary') || document.querySelector('.has-error');
	if (!target) {
		return;
	}
	if (!target.hasAttribute('tabindex')) {
		target.setAttribute('tabindex', '-1');
	}
	target.focus();
})();
