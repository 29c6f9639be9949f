// Shows only the choices that fit the chosen frequency: tiers for monthly or yearly,
// preset amounts for one-off. Without this script every choice stays visible and the
// server explains a mismatch.
(function () {
	var form = document.getElementById('support-form');
	if (!form) {
		return;
	}
	function update() {
		var checked = form.querySelector('input[name="frequency"]:checked');
		var frequency = checked ? checked.value : 'monthly';
		var recurring = frequency !== 'one-off';
		form.querySelectorAll('[data-for="recurring"]').forEach(function (el) { el.hidden = !recurring; });
		form.querySelectorAll('[data-for="one-off"]').forEach(function (el) { el.hidden = recurring; });
		form.querySelectorAll('.price-option').forEach(function (el) {
			el.hidden = recurring && el.getAttribute('data-interval') !== frequency;
		});
		var option = form.querySelector('input[name="option"]:checked');
		if (option && option.closest('[hidden]')) {
			option.checked = false;
		}
	}
	form.querySelectorAll('input[name="frequency"]').forEach(function (input) {
		input.addEventListener('change', update);
	});
	var own = document.getElementById('ownAmount');
	if (own) {
		own.addEventListener('input', function () {
			var ownOption = form.querySelector('input[name="option"][value="own"]');
			if (ownOption) {
				ownOption.checked = true;
			}
		});
	}
	update();
})();
