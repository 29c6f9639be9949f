<?php
/*
 * The WordPress plugin's token verification per page view, beside openssl_verify alone on
 * the same token: run by bench/wordpress-verify. A page view makes a new verifier (the
 * plugin does, once per request), so the figure includes parsing the JWK into a key.
 */
require __DIR__ . '/../integrations/wordpress/supporters-membership/includes/class-supporters-token-verifier.php';

$iterations = (int) ( $argv[1] ?? 2000 );
$issuer     = 'https://members.example.com';

// an EC P-256 key and a token shaped like the service's (ES256, kid, the same claims)
$key     = openssl_pkey_new( array( 'private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1' ) );
$details = openssl_pkey_get_details( $key );
$b64url  = fn( string $bytes ): string => rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
$jwks    = array(
	'keys' => array(
		array(
			'kty' => 'EC',
			'crv' => 'P-256',
			'use' => 'sig',
			'alg' => 'ES256',
			'kid' => 'bench',
			'x'   => $b64url( str_pad( $details['ec']['x'], 32, "\0", STR_PAD_LEFT ) ),
			'y'   => $b64url( str_pad( $details['ec']['y'], 32, "\0", STR_PAD_LEFT ) ),
		),
	),
);
$header  = $b64url( json_encode( array( 'kid' => 'bench', 'typ' => 'JWT', 'alg' => 'ES256' ) ) );
$payload = $b64url(
	json_encode(
		array(
			'iss'      => $issuer,
			'sub'      => '0b7e6c1e-7d4e-4f6a-9a0e-3f1c2b3a4d5e',
			'status'   => 'active',
			'tier'     => 'supporter',
			'benefits' => array( 'members-only', 'fewer-asks' ),
			'iat'      => time(),
			'exp'      => time() + 3600,
		)
	)
);
openssl_sign( "$header.$payload", $der, $key, OPENSSL_ALGO_SHA256 );
// DER SEQUENCE { INTEGER r, INTEGER s } -> JOSE R || S
$offset = 2;
$raw    = '';
for ( $i = 0; $i < 2; $i++ ) {
	$length  = ord( $der[ $offset + 1 ] );
	$raw    .= str_pad( ltrim( substr( $der, $offset + 2, $length ), "\0" ), 32, "\0", STR_PAD_LEFT );
	$offset += 2 + $length;
}
$token = "$header.$payload." . $b64url( $raw );

$source = fn( bool $refresh ): array => $jwks;
if ( null === ( new Supporters_Token_Verifier( $issuer, $source ) )->verify( $token ) ) {
	fwrite( STDERR, "the benchmark's token does not verify\n" );
	exit( 1 );
}
$public = openssl_pkey_get_public( Supporters_Token_Verifier::pem( $jwks['keys'][0] ) );
$signed = "$header.$payload";
$sig    = Supporters_Token_Verifier::der_signature( $raw );

/** CPU time of this process per call, in µs: on a shared machine, wall time measures the neighbours. */
function per_call( int $iterations, callable $work ): float {
	$work();
	$start = cpu_microseconds();
	for ( $i = 0; $i < $iterations; $i++ ) {
		$work();
	}
	return ( cpu_microseconds() - $start ) / $iterations;
}

function cpu_microseconds(): float {
	$usage = getrusage();
	return $usage['ru_utime.tv_sec'] * 1e6 + $usage['ru_utime.tv_usec'] + $usage['ru_stime.tv_sec'] * 1e6 + $usage['ru_stime.tv_usec'];
}

// interleaved rounds, the best of each: these machines are noisy
$plugin   = INF;
$warm     = INF;
$baseline = INF;
for ( $round = 0; $round < 5; $round++ ) {
	$plugin   = min( $plugin, per_call( $iterations, fn() => ( new Supporters_Token_Verifier( $issuer, $source ) )->verify( $token ) ) );
	$verifier = new Supporters_Token_Verifier( $issuer, $source );
	$warm     = min( $warm, per_call( $iterations, fn() => $verifier->verify( $token ) ) );
	$baseline = min( $baseline, per_call( $iterations, fn() => openssl_verify( $signed, $sig, $public, OPENSSL_ALGO_SHA256 ) ) );
}
printf( "PHP %s, %s, %d verifications x 5 rounds (best round)\n", PHP_VERSION, OPENSSL_VERSION_TEXT, $iterations );
printf( "| what | µs of CPU per verification | ratio to openssl_verify |\n|---|---|---|\n" );
printf( "| plugin, per page view (new verifier: JWK -> key, parse, checks, verify) | %.1f | %.2f |\n", $plugin, $plugin / $baseline );
printf( "| plugin, key already parsed | %.1f | %.2f |\n", $warm, $warm / $baseline );
printf( "| openssl_verify alone, same token | %.1f | 1.00 |\n", $baseline );
