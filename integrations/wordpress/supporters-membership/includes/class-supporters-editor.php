<?php
/**
 * The "Members only" checkbox: a panel in the block editor's sidebar, and a meta box in
 * the classic editor. Both set the same post meta.
 *
 * @package Supporters_Membership
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

final class Supporters_Editor {

	const NONCE = 'supporters_members_only_nonce';

	private static string $plugin_file = '';

	public static function register( string $plugin_file ): void {
		self::$plugin_file = $plugin_file;
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'enqueue_sidebar' ) );
		add_action( 'add_meta_boxes', array( __CLASS__, 'add_meta_box' ) );
		add_action( 'save_post', array( __CLASS__, 'save_meta_box' ), 10, 2 );
	}

	/** No build step: a plain script on WordPress's own editor packages. */
	public static function enqueue_sidebar(): void {
		wp_enqueue_script(
			'supporters-membership-editor',
			plugins_url( 'assets/editor.js', self::$plugin_file ),
			array( 'wp-plugins', 'wp-edit-post', 'wp-element', 'wp-components', 'wp-data', 'wp-i18n' ),
			'1.0.0',
			true
		);
	}

	public static function add_meta_box(): void {
		foreach ( array( 'post', 'page' ) as $type ) {
			add_meta_box(
				'supporters-members-only',
				__( 'Supporters', 'supporters-membership' ),
				array( __CLASS__, 'render_meta_box' ),
				$type,
				'side',
				'default',
				// the block editor has the sidebar panel instead
				array( '__back_compat_meta_box' => true )
			);
		}
	}

	public static function render_meta_box( WP_Post $post ): void {
		wp_nonce_field( 'supporters_members_only_' . $post->ID, self::NONCE );
		$checked = Supporters_Membership::instance()->is_members_only( $post->ID );
		echo '<label><input type="checkbox" name="supporters_members_only" value="1" ' . checked( $checked, true, false ) . '> '
			. esc_html__( 'Members only', 'supporters-membership' ) . '</label>'
			. '<p class="description">' . esc_html__( 'Non-members get the teaser and an invitation to become a member.', 'supporters-membership' ) . '</p>';
	}

	public static function save_meta_box( int $post_id, WP_Post $post ): void {
		$nonce = isset( $_POST[ self::NONCE ] ) ? sanitize_text_field( wp_unslash( $_POST[ self::NONCE ] ) ) : '';
		if ( '' === $nonce || ! wp_verify_nonce( $nonce, 'supporters_members_only_' . $post_id )
			|| ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) || wp_is_post_revision( $post_id )
			|| ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		update_post_meta( $post_id, Supporters_Membership::META, ! empty( $_POST['supporters_members_only'] ) );
	}
}
