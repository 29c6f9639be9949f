<?php
/*
 * Installs the test site on its own database, activates the plugin and writes the posts:
 * php setup.php <service URL>. Prints the posts' addresses as JSON.
 */
$service = $argv[1];
$config  = file_get_contents( __DIR__ . '/wp-config.php' );
preg_match( "/define\( 'DB_NAME', '([a-z0-9_]+)' \)/", $config, $name );
$db = new mysqli( '127.0.0.1', 'root', '', '', 3306 );
$db->query( 'CREATE DATABASE `' . $name[1] . '` CHARACTER SET utf8mb4' );
$db->close();

define( 'WP_INSTALLING', true );
// no mail server here: the "your new site" mail is not sent
function wp_new_blog_notification() {
}
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_install( 'The Example Times', 'admin', 'admin@example.org', true, '', wp_generate_password( 24 ) );
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
$wp_rewrite->flush_rules();
$activated = activate_plugin( 'supporters-membership/supporters-membership.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
update_option(
	'supporters_membership_settings',
	array(
		'service_url'     => $service,
		'default_benefit' => 'members-only',
		'teaser_words'    => 55,
		'ask_enabled'     => true,
		'ask_text'        => 'Help us grow: this reporting is paid for by readers.',
		'menu_location'   => '',
	)
);
$members = wp_insert_post(
	array(
		'post_title'   => 'The river that came back',
		'post_name'    => 'the-river',
		'post_status'  => 'publish',
		'post_content' => "<!-- wp:paragraph -->\n<p>The opening paragraph of the river story is for everyone.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n<!-- wp:paragraph -->\n<p>SECRET-MEMBERS-PARAGRAPH: the interviews and the data behind the river story.</p>\n<!-- /wp:paragraph -->",
		'meta_input'   => array( '_supporters_members_only' => true ),
	),
	true
);
$partial = wp_insert_post(
	array(
		'post_title'   => 'Council budget explained',
		'post_name'    => 'council-budget',
		'post_status'  => 'publish',
		'post_content' => "<p>[supporters_account]</p>\n\n<p>The budget story starts in public.</p>\n\n[members_only]<p>SECRET-SHORTCODE-PARAGRAPH: the line-by-line analysis.</p>[/members_only]\n\n[members_only tier=\"patron\"]<p>SECRET-PATRON-PARAGRAPH: the documents.</p>[/members_only]\n\n<p>The budget story ends in public.</p>",
	),
	true
);
if ( is_wp_error( $members ) || is_wp_error( $partial ) ) {
	fwrite( STDERR, 'cannot write the posts' );
	exit( 1 );
}
echo json_encode(
	array(
		'members' => get_permalink( $members ),
		'partial' => get_permalink( $partial ),
	)
);
