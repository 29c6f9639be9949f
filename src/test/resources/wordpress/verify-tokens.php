<?php
/*
 * Runs the plugin's token verifier on its own (no WordPress) over the tokens in a JSON
 * file: {"verifier": path, "issuer": ..., "now": unix, "jwks": {...}, "tokens": {name: token}}.
 * Prints {"results": {name: claims|null}, "refreshes": {name: n}}: the JUnit test asserts.
 */
$cases = json_decode( file_get_contents( $argv[1] ), true, 64, JSON_THROW_ON_ERROR );
require $cases['verifier'];

$results   = array();
$refreshes = array();
foreach ( $cases['tokens'] as $name => $token ) {
	$count    = 0;
	$jwks     = $cases['jwks'];
	$verifier = new Supporters_Token_Verifier(
		$cases['issuer'],
		function ( bool $refresh ) use ( &$count, $jwks ) {
			if ( $refresh ) {
				$count++;
			}
			return $jwks;
		}
	);
	$results[ $name ]   = $verifier->verify( $token, $cases['now'] );
	$refreshes[ $name ] = $count;
}
echo json_encode( array( 'results' => $results, 'refreshes' => $refreshes ), JSON_THROW_ON_ERROR );
