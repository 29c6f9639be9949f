<?php
/**
 * Removes the plugin's settings and cached keys; the posts' "members only" flags stay, so
 * that reinstalling the plugin protects the same posts again.
 *
 * @package Supporters_Membership
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'supporters_membership_settings' );
delete_transient( 'supporters_membership_jwks' );
delete_transient( 'supporters_membership_tiers' );
