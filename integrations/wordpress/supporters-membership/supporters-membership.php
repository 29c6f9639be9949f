<?php
/**
 * Plugin Name:       Supporters Membership
 * Plugin URI:        https://github.com/supporters/supporters
 * Description:       Members-only posts and [members_only] parts, decided on this server from the Supporters membership token: non-members never get the protected part in their HTML.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            The Supporters project
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       supporters-membership
 *
 * @package Supporters_Membership
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/includes/class-supporters-token-verifier.php';
require_once __DIR__ . '/includes/class-supporters-membership.php';
require_once __DIR__ . '/includes/class-supporters-settings.php';
require_once __DIR__ . '/includes/class-supporters-editor.php';
require_once __DIR__ . '/includes/class-supporters-account-links.php';

Supporters_Membership::instance()->register();
Supporters_Settings::register();
Supporters_Editor::register( __FILE__ );
Supporters_Account_Links::register();
