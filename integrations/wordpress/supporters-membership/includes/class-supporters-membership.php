<?php
/**
 * Gating on the server: who the reader is (from the membership cookie), and what of a
 * post they get.
 *
 * @package Supporters_Membership
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

final class Supporters_Membership {

	const COOKIE = 'supporters_membership';

	const META = '_supporters_members_only';

	const JWKS_TRANSIENT = 'supporters_membership_jwks';

	const TIERS_TRANSIENT = 'supporters_membership_tiers';

	/** Fetched keys are kept this long; an unknown kid (a rotation) fetches sooner. */
	const KEYS_LIFETIME = HOUR_IN_SECONDS;

	/** Keys (or tiers) are fetched at most once a minute, also when the service is down. */
	const REFETCH_INTERVAL = MINUTE_IN_SECONDS;

	private static ?Supporters_Membership $instance = null;

	/** @var array|null|false the reader's claims; false until read */
	private $reader = false;

	public static function instance(): Supporters_Membership {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	public function register(): void {
		add_action( 'init', array( $this, 'register_meta' ) );
		add_shortcode( 'members_only', array( $this, 'members_only_shortcode' ) );
		// before blocks, shortcodes and wpautop: the protected part never reaches them
		add_filter( 'the_content', array( $this, 'gate_content' ), 0 );
		add_filter( 'get_the_excerpt', array( $this, 'gate_excerpt' ), 0, 2 );
		add_action( 'send_headers', array( $this, 'private_for_members' ) );
		add_filter( 'the_content', array( $this, 'append_ask' ), 20 );
		add_action( 'wp_body_open', array( $this, 'banner_slot' ) );
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue_members_js' ) );
		add_action( 'wp_head', array( $this, 'print_styles' ) );
	}

	public function register_meta(): void {
		foreach ( array( 'post', 'page' ) as $type ) {
			register_post_meta(
				$type,
				self::META,
				array(
					'type'          => 'boolean',
					'single'        => true,
					'default'       => false,
					'show_in_rest'  => true,
					'auth_callback' => static function ( $allowed, $meta_key, $post_id ) {
						return current_user_can( 'edit_post', $post_id );
					},
				)
			);
		}
	}

	/** The verified claims of the reader's token, or null: read once per request. */
	public function reader(): ?array {
		if ( false === $this->reader ) {
			$this->reader = null;
			$token        = isset( $_COOKIE[ self::COOKIE ] ) ? (string) wp_unslash( $_COOKIE[ self::COOKIE ] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- verified below, never printed
			$issuer       = Supporters_Settings::service_url();
			if ( '' !== $token && '' !== $issuer ) {
				$verifier     = new Supporters_Token_Verifier( $issuer, array( $this, 'jwks' ) );
				$this->reader = $verifier->verify( $token );
			}
		}
		return $this->reader;
	}

	/**
	 * Whether the reader may see content that needs this benefit and/or this tier (or a
	 * higher one). Feeds and the REST API are never a member's view: what they carry is
	 * copied and cached elsewhere. Editors of the post always see it.
	 */
	public function may_read( string $benefit, string $tier, ?int $post_id = null ): bool {
		if ( null !== $post_id && current_user_can( 'edit_post', $post_id ) ) {
			return true;
		}
		if ( is_feed() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
			return false;
		}
		$reader = $this->reader();
		if ( null === $reader ) {
			return false;
		}
		if ( '' !== $benefit && ! in_array( $benefit, $reader['benefits'], true ) ) {
			return false;
		}
		return '' === $tier || $this->tier_at_least( $reader['tier'], $tier );
	}

	/** The reader's tier is that tier or one after it in the service's order. */
	private function tier_at_least( ?string $has, string $wanted ): bool {
		if ( null === $has ) {
			return false;
		}
		if ( $has === $wanted ) {
			return true;
		}
		$order = $this->tier_order();
		$at    = array_search( $has, $order, true );
		$need  = array_search( $wanted, $order, true );
		return false !== $at && false !== $need && $at >= $need;
	}

	public function is_members_only( int $post_id ): bool {
		return (bool) get_post_meta( $post_id, self::META, true );
	}

	/** A members-only post's content for a reader without the benefit: the teaser and the box. */
	public function gate_content( $content ) {
		$post = get_post();
		if ( ! $post || ! $this->is_members_only( $post->ID ) || $this->may_read( $this->default_benefit(), '', $post->ID ) ) {
			return $content;
		}
		$teaser = $this->teaser( $post );
		// an excerpt made from the content gets the teaser alone
		if ( doing_filter( 'get_the_excerpt' ) ) {
			return $teaser;
		}
		return $teaser . $this->box( $post, __( 'This article is for members', 'supporters-membership' ) );
	}

	/** A hand-written excerpt is public by choice; a generated one comes from the teaser. */
	public function gate_excerpt( $excerpt, $post = null ) {
		$post = get_post( $post );
		if ( '' !== $excerpt || ! $post || ! $this->is_members_only( $post->ID )
			|| $this->may_read( $this->default_benefit(), '', $post->ID ) ) {
			return $excerpt;
		}
		return wp_trim_words( wp_strip_all_tags( excerpt_remove_blocks( strip_shortcodes( $this->teaser( $post ) ) ) ), (int) Supporters_Settings::get()['teaser_words'] );
	}

	/** [members_only benefit="members-only" tier="supporter"]…[/members_only] */
	public function members_only_shortcode( $atts, $content = '' ): string {
		$atts    = shortcode_atts(
			array(
				'benefit' => '',
				'tier'    => '',
			),
			$atts,
			'members_only'
		);
		$benefit = sanitize_key( $atts['benefit'] );
		$tier    = sanitize_key( $atts['tier'] );
		if ( '' === $benefit && '' === $tier ) {
			$benefit = $this->default_benefit();
		}
		$post = get_post();
		if ( $this->may_read( $benefit, $tier, $post ? $post->ID : null ) ) {
			return do_shortcode( (string) $content );
		}
		if ( doing_filter( 'get_the_excerpt' ) ) {
			return '';
		}
		return $post ? $this->box( $post, __( 'This part is for members', 'supporters-membership' ) ) : '';
	}

	/** The excerpt, else the content before the "more" break, else its first words. */
	private function teaser( WP_Post $post ): string {
		if ( '' !== trim( $post->post_excerpt ) ) {
			return wpautop( esc_html( $post->post_excerpt ) );
		}
		$parts = get_extended( $post->post_content );
		if ( '' !== $parts['extended'] ) {
			// the block editor's more block opens a comment the split leaves behind
			return preg_replace( '/<!-- wp:more[^>]*-->\s*$/', '', $parts['main'] );
		}
		$words = (int) Supporters_Settings::get()['teaser_words'];
		if ( 0 === $words ) {
			return '';
		}
		$text = wp_strip_all_tags( excerpt_remove_blocks( strip_shortcodes( $post->post_content ) ) );
		return wpautop( esc_html( wp_trim_words( $text, $words ) ) );
	}

	private function box( WP_Post $post, string $title ): string {
		$service = Supporters_Settings::service_url();
		$back    = get_permalink( $post );
		$pledge  = add_query_arg( 'return', rawurlencode( $back ), $service . '/support' );
		$sign_in = add_query_arg( 'return', rawurlencode( $back ), $service . '/sign-in' );
		return '<div class="supporters-members-box" data-supporters-gate>'
			. '<p class="supporters-members-box__title"><strong>' . esc_html( $title ) . '</strong></p>'
			. '<p>' . esc_html__( 'Become a member to read on: your support pays for this reporting.', 'supporters-membership' ) . '</p>'
			. '<p><a class="supporters-members-box__pledge" href="' . esc_url( $pledge ) . '">' . esc_html__( 'Become a member', 'supporters-membership' ) . '</a>'
			. ' · <a class="supporters-members-box__sign-in" href="' . esc_url( $sign_in ) . '">' . esc_html__( 'Already a member? Sign in', 'supporters-membership' ) . '</a></p>'
			. '</div>';
	}

	/**
	 * A page seen with a membership token may hold a member's content: no shared cache
	 * may keep it (see readme.txt for full-page caches, which ignore this header).
	 */
	public function private_for_members(): void {
		if ( isset( $_COOKIE[ self::COOKIE ] ) && ! headers_sent() ) {
			header( 'Cache-Control: private, max-age=0' );
			header( 'Vary: Cookie', false );
		}
	}

	/** The end-of-post ask: members.js shows it to non-members without fewer-asks. */
	public function append_ask( $content ) {
		$settings = Supporters_Settings::get();
		if ( ! $settings['ask_enabled'] || '' === Supporters_Settings::service_url() || ! is_singular( 'post' )
			|| ! in_the_loop() || ! is_main_query() || doing_filter( 'get_the_excerpt' ) ) {
			return $content;
		}
		$service = Supporters_Settings::service_url();
		return $content . '<aside class="supporters-ask" data-support-ask hidden><p>'
			. esc_html( $settings['ask_text'] )
			. ' <a href="' . esc_url( $service . '/support' ) . '">' . esc_html__( 'Support us', 'supporters-membership' ) . '</a>'
			. ' · <a href="' . esc_url( $service . '/sign-in' ) . '">' . esc_html__( 'Sign in', 'supporters-membership' ) . '</a>'
			. '</p></aside>';
	}

	/** The banner slot at the top of single posts: members.js fills it with the live banner ask. */
	public function banner_slot(): void {
		$settings = Supporters_Settings::get();
		if ( $settings['ask_enabled'] && '' !== Supporters_Settings::service_url() && is_singular( 'post' ) ) {
			echo '<div class="supporters-banner-slot" data-support-banner hidden></div>';
		}
	}

	public function enqueue_members_js(): void {
		$settings = Supporters_Settings::get();
		if ( $settings['ask_enabled'] && '' !== Supporters_Settings::service_url() && is_singular( 'post' ) ) {
			wp_enqueue_script( 'supporters-members', Supporters_Settings::service_url() . '/embed/members.js', array(), null, array( 'strategy' => 'defer' ) ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the service serves its own version
		}
	}

	public function print_styles(): void {
		echo '<style id="supporters-membership-css">.supporters-members-box{border:1px solid currentColor;border-radius:4px;padding:1em 1.25em;margin:1.5em 0}.supporters-members-box__title{margin-top:0}</style>' . "\n";
	}

	private function default_benefit(): string {
		return (string) Supporters_Settings::get()['default_benefit'];
	}

	/**
	 * The JWKS for the verifier: from the transient; fetched when missing, or when a kid
	 * is unknown and the last fetch is a minute old.
	 */
	public function jwks( bool $refresh ): array {
		return $this->cached( self::JWKS_TRANSIENT, '/.well-known/jwks.json', $refresh, 'keys' );
	}

	/** @return string[] tier slugs, lowest first */
	private function tier_order(): array {
		$answer = $this->cached( self::TIERS_TRANSIENT, '/api/v1/tiers', false, 'tiers' );
		$slugs  = array();
		foreach ( $answer['tiers'] ?? array() as $tier ) {
			if ( is_array( $tier ) && is_string( $tier['slug'] ?? null ) ) {
				$slugs[] = $tier['slug'];
			}
		}
		return $slugs;
	}

	private function cached( string $transient, string $path, bool $refresh, string $field ): array {
		$cached = get_transient( $transient );
		$cached = is_array( $cached ) ? $cached : array(
			'value'     => array(),
			'attempted' => 0,
		);
		$fresh  = ! empty( $cached['value'] ) && ! $refresh;
		if ( $fresh || time() - (int) $cached['attempted'] < self::REFETCH_INTERVAL ) {
			return $cached['value'];
		}
		$cached['attempted'] = time();
		$response            = wp_remote_get(
			Supporters_Settings::service_url() . $path,
			array(
				'timeout'     => 3,
				'redirection' => 0,
				'headers'     => array( 'Accept' => 'application/json' ),
			)
		);
		if ( ! is_wp_error( $response ) && 200 === wp_remote_retrieve_response_code( $response ) ) {
			$value = json_decode( wp_remote_retrieve_body( $response ), true );
			if ( is_array( $value ) && is_array( $value[ $field ] ?? null ) ) {
				$cached['value'] = $value;
			}
		}
		// a failed fetch keeps the keys we had, and is not retried for a minute
		set_transient( $transient, $cached, self::KEYS_LIFETIME );
		return $cached['value'];
	}
}
