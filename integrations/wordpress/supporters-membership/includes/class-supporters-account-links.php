<?php
/**
 * "Support us", "Sign in" and "Your account": the [supporters_account] shortcode, a
 * widget, and links added to a menu location chosen in the settings.
 *
 * @package Supporters_Membership
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

final class Supporters_Account_Links {

	public static function register(): void {
		add_shortcode( 'supporters_account', array( __CLASS__, 'shortcode' ) );
		add_action( 'widgets_init', array( __CLASS__, 'register_widget' ) );
		add_filter( 'wp_nav_menu_items', array( __CLASS__, 'menu_items' ), 10, 2 );
	}

	/**
	 * The links for this reader: a member gets "Your account", others "Support us" and
	 * "Sign in", both returning to the page they are on.
	 *
	 * @return array<string, string> label => URL
	 */
	public static function links(): array {
		$service = Supporters_Settings::service_url();
		if ( '' === $service ) {
			return array();
		}
		if ( null !== Supporters_Membership::instance()->reader() ) {
			return array( __( 'Your account', 'supporters-membership' ) => $service . '/account' );
		}
		$back = rawurlencode( self::current_url() );
		return array(
			__( 'Support us', 'supporters-membership' ) => add_query_arg( 'return', $back, $service . '/support' ),
			__( 'Sign in', 'supporters-membership' )    => add_query_arg( 'return', $back, $service . '/sign-in' ),
		);
	}

	public static function shortcode(): string {
		$items = array();
		foreach ( self::links() as $label => $url ) {
			$items[] = '<a href="' . esc_url( $url ) . '">' . esc_html( $label ) . '</a>';
		}
		return '<span class="supporters-account-links">' . implode( ' · ', $items ) . '</span>';
	}

	public static function register_widget(): void {
		register_widget( 'Supporters_Account_Widget' );
	}

	public static function menu_items( $items, $args ) {
		$location = Supporters_Settings::get()['menu_location'];
		if ( '' === $location || ! is_object( $args ) || ( $args->theme_location ?? '' ) !== $location ) {
			return $items;
		}
		foreach ( self::links() as $label => $url ) {
			$items .= '<li class="menu-item supporters-menu-item"><a href="' . esc_url( $url ) . '">' . esc_html( $label ) . '</a></li>';
		}
		return $items;
	}

	private static function current_url(): string {
		$path = isset( $_SERVER['REQUEST_URI'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '/';
		return home_url( $path );
	}
}

/** The account links as a classic widget. */
final class Supporters_Account_Widget extends WP_Widget {

	public function __construct() {
		parent::__construct( 'supporters_account', __( 'Supporters: account links', 'supporters-membership' ), array( 'description' => __( '"Support us" and "Sign in", or "Your account" for members.', 'supporters-membership' ) ) );
	}

	public function widget( $args, $instance ) {
		// the theme's own wrapper markup, as every widget prints it
		echo $args['before_widget'] . Supporters_Account_Links::shortcode() . $args['after_widget']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- links built from escaped parts
	}
}
