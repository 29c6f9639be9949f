<?php
/**
 * The settings page (Settings → Supporters) and the settings' defaults.
 *
 * @package Supporters_Membership
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

final class Supporters_Settings {

	const OPTION = 'supporters_membership_settings';

	const DEFAULTS = array(
		'service_url'     => '',
		'default_benefit' => 'members-only',
		'teaser_words'    => 55,
		'ask_enabled'     => false,
		'ask_text'        => 'Reporting like this is paid for by its readers. Support us.',
		'menu_location'   => '',
	);

	public static function register(): void {
		add_action( 'admin_init', array( __CLASS__, 'register_setting' ) );
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ) );
	}

	/** The settings with defaults filled in. */
	public static function get(): array {
		$stored = get_option( self::OPTION, array() );
		return array_merge( self::DEFAULTS, is_array( $stored ) ? $stored : array() );
	}

	/** The service's URL without a trailing slash; the token's iss must be exactly this. */
	public static function service_url(): string {
		return untrailingslashit( (string) self::get()['service_url'] );
	}

	public static function register_setting(): void {
		register_setting(
			'supporters_membership',
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => self::DEFAULTS,
			)
		);
	}

	/** Keeps only values that make sense; a bad one keeps the previous value and says so. */
	public static function sanitize( $input ): array {
		$previous = self::get();
		$input    = is_array( $input ) ? $input : array();
		$clean    = $previous;

		$url = trim( (string) ( $input['service_url'] ?? '' ) );
		if ( '' === $url || preg_match( '#^https?://[^/\s?\#]+(/[^\s?\#]*)?$#', $url ) ) {
			$clean['service_url'] = untrailingslashit( esc_url_raw( $url, array( 'http', 'https' ) ) );
		} else {
			add_settings_error( self::OPTION, 'service_url', __( 'The service URL must be an http or https URL without query, e.g. https://members.example.com.', 'supporters-membership' ) );
		}

		$benefit = trim( (string) ( $input['default_benefit'] ?? '' ) );
		if ( preg_match( '/^[a-z0-9][a-z0-9-]{0,62}$/', $benefit ) ) {
			$clean['default_benefit'] = $benefit;
		} else {
			add_settings_error( self::OPTION, 'default_benefit', __( 'A benefit is a slug such as members-only: lower-case letters, digits and dashes.', 'supporters-membership' ) );
		}

		$words = (int) ( $input['teaser_words'] ?? 0 );
		if ( $words >= 0 && $words <= 1000 ) {
			$clean['teaser_words'] = $words;
		} else {
			add_settings_error( self::OPTION, 'teaser_words', __( 'The teaser length is a number of words from 0 to 1000.', 'supporters-membership' ) );
		}

		$clean['ask_enabled']   = ! empty( $input['ask_enabled'] );
		$clean['ask_text']      = sanitize_text_field( (string) ( $input['ask_text'] ?? '' ) );
		$location               = sanitize_key( (string) ( $input['menu_location'] ?? '' ) );
		$clean['menu_location'] = array_key_exists( $location, get_registered_nav_menus() ) ? $location : '';

		// new settings may name another service: its keys must be fetched again
		delete_transient( Supporters_Membership::JWKS_TRANSIENT );
		delete_transient( Supporters_Membership::TIERS_TRANSIENT );
		return $clean;
	}

	public static function add_page(): void {
		add_options_page(
			__( 'Supporters', 'supporters-membership' ),
			__( 'Supporters', 'supporters-membership' ),
			'manage_options',
			'supporters-membership',
			array( __CLASS__, 'render_page' )
		);
	}

	public static function render_page(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$settings = self::get();
		$name     = self::OPTION;
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'Supporters membership', 'supporters-membership' ); ?></h1>
			<p><?php esc_html_e( 'Members-only posts and [members_only] parts are decided on this server from the reader\'s membership token; this site never calls the service on a page view, except to fetch its public keys now and then.', 'supporters-membership' ); ?></p>
			<form method="post" action="options.php">
				<?php settings_fields( 'supporters_membership' ); ?>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="supporters-service-url"><?php esc_html_e( 'Service URL', 'supporters-membership' ); ?></label></th>
						<td><input type="url" class="regular-text" id="supporters-service-url" name="<?php echo esc_attr( $name ); ?>[service_url]" value="<?php echo esc_attr( $settings['service_url'] ); ?>" placeholder="https://members.example.com">
							<p class="description"><?php esc_html_e( 'The Supporters service\'s SUPPORTERS_PUBLIC_URL. Set SUPPORTERS_COOKIE_DOMAIN there (e.g. .example.com) so this site sees the membership cookie, and add this site\'s origin to SUPPORTERS_SITE_ORIGINS.', 'supporters-membership' ); ?></p></td>
					</tr>
					<tr>
						<th scope="row"><label for="supporters-default-benefit"><?php esc_html_e( 'Benefit a members-only post needs', 'supporters-membership' ); ?></label></th>
						<td><input type="text" id="supporters-default-benefit" name="<?php echo esc_attr( $name ); ?>[default_benefit]" value="<?php echo esc_attr( $settings['default_benefit'] ); ?>"></td>
					</tr>
					<tr>
						<th scope="row"><label for="supporters-teaser-words"><?php esc_html_e( 'Teaser length (words)', 'supporters-membership' ); ?></label></th>
						<td><input type="number" min="0" max="1000" id="supporters-teaser-words" name="<?php echo esc_attr( $name ); ?>[teaser_words]" value="<?php echo esc_attr( (string) $settings['teaser_words'] ); ?>">
							<p class="description"><?php esc_html_e( 'Used when a post has neither an excerpt nor a "more" break.', 'supporters-membership' ); ?></p></td>
					</tr>
					<tr>
						<th scope="row"><?php esc_html_e( 'Ask at the end of posts', 'supporters-membership' ); ?></th>
						<td><label><input type="checkbox" name="<?php echo esc_attr( $name ); ?>[ask_enabled]" value="1" <?php checked( $settings['ask_enabled'] ); ?>> <?php esc_html_e( 'Show non-members an ask at the end of every post (shown by the service\'s members.js; readers with fewer-asks see none)', 'supporters-membership' ); ?></label>
							<p><label for="supporters-ask-text"><?php esc_html_e( 'Ask', 'supporters-membership' ); ?></label><br>
							<input type="text" class="large-text" id="supporters-ask-text" name="<?php echo esc_attr( $name ); ?>[ask_text]" value="<?php echo esc_attr( $settings['ask_text'] ); ?>"></p></td>
					</tr>
					<tr>
						<th scope="row"><label for="supporters-menu-location"><?php esc_html_e( 'Account links in menu', 'supporters-membership' ); ?></label></th>
						<td><select id="supporters-menu-location" name="<?php echo esc_attr( $name ); ?>[menu_location]">
							<option value=""><?php esc_html_e( 'None', 'supporters-membership' ); ?></option>
							<?php foreach ( get_registered_nav_menus() as $location => $label ) : ?>
								<option value="<?php echo esc_attr( $location ); ?>" <?php selected( $settings['menu_location'], $location ); ?>><?php echo esc_html( $label ); ?></option>
							<?php endforeach; ?>
						</select>
							<p class="description"><?php esc_html_e( 'Adds "Support us", "Sign in" or "Your account" to that menu. Block themes: put the [supporters_account] shortcode in a Shortcode block of the header.', 'supporters-membership' ); ?></p></td>
					</tr>
				</table>
				<?php submit_button(); ?>
			</form>
		</div>
		<?php
	}
}
