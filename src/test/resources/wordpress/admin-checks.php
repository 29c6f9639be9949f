<?php
/*
 * What an editor and an admin do, run inside the test site (php admin-checks.php): the
 * block editor's sidebar saves the "members only" flag through the REST API, a visitor
 * cannot, the settings form carries a nonce, and bad settings are refused. Prints JSON.
 */
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

$results = array();

// the block editor saves post meta with the post, through /wp/v2/posts
wp_set_current_user( 1 );
$request = new WP_REST_Request( 'POST', '/wp/v2/posts' );
$request->set_body_params(
	array(
		'title'   => 'Marked in the editor',
		'status'  => 'publish',
		'content' => '<p>Editor teaser.</p><!--more--><p>SECRET-EDITOR-PARAGRAPH</p>',
		'meta'    => array( '_supporters_members_only' => true ),
	)
);
$created                    = rest_do_request( $request );
$id                         = $created->get_data()['id'] ?? 0;
$results['editorStatus']    = $created->get_status();
$results['editorSavedFlag'] = (bool) get_post_meta( $id, '_supporters_members_only', true );
$results['editorPost']      = get_permalink( $id );

// a visitor (no user) cannot unmark it
wp_set_current_user( 0 );
$request = new WP_REST_Request( 'POST', '/wp/v2/posts/' . $id );
$request->set_body_params( array( 'meta' => array( '_supporters_members_only' => false ) ) );
$results['visitorStatus']    = rest_do_request( $request )->get_status();
$results['flagAfterVisitor'] = (bool) get_post_meta( $id, '_supporters_members_only', true );

// the settings page: only for admins, and its form carries a nonce
wp_set_current_user( 1 );
ob_start();
Supporters_Settings::render_page();
$page                        = ob_get_clean();
$results['settingsNonce']    = str_contains( $page, 'name="_wpnonce"' )
	&& 1 === preg_match( '/name=[\'"]option_page[\'"] value=[\'"]supporters_membership[\'"]/', $page );
wp_set_current_user( 0 );
ob_start();
Supporters_Settings::render_page();
$results['settingsForVisitor'] = ob_get_clean();

// bad values keep the previous ones and say why
wp_set_current_user( 1 );
$before                       = Supporters_Settings::get();
$clean                        = Supporters_Settings::sanitize(
	array(
		'service_url'     => 'javascript:alert(1)',
		'default_benefit' => '<b>x</b>',
		'teaser_words'    => '-5',
	)
);
$results['badUrlKept']        = $clean['service_url'] === $before['service_url'];
$results['badBenefitKept']    = $clean['default_benefit'] === $before['default_benefit'];
$results['badWordsKept']      = $clean['teaser_words'] === $before['teaser_words'];
$results['settingsErrors']    = array_column( get_settings_errors( Supporters_Settings::OPTION ), 'code' );

echo json_encode( $results );
