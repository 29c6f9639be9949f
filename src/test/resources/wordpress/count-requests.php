<?php
/*
 * Must-use plugin of the test site: writes every outgoing HTTP request WordPress makes to
 * a log, so the test can count the calls to the Supporters service.
 */
add_action(
	'http_api_debug',
	function ( $response, $context, $class, $args, $url ) {
		file_put_contents( SUPPORTERS_TEST_REQUEST_LOG, $url . "\n", FILE_APPEND | LOCK_EX );
	},
	10,
	5
);
