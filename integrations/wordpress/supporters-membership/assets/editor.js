/*
 * Supporters Membership: the "Members only" checkbox in the block editor's sidebar.
 * Plain JavaScript on WordPress's own packages: no build step.
 */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var META = '_supporters_members_only';

	function MembersOnlyPanel() {
		var meta = wp.data.useSelect( function ( select ) {
			return select( 'core/editor' ).getEditedPostAttribute( 'meta' ) || {};
		}, [] );
		var editPost = wp.data.useDispatch( 'core/editor' ).editPost;
		return el(
			wp.editPost.PluginDocumentSettingPanel,
			{ name: 'supporters-membership', title: __( 'Supporters', 'supporters-membership' ) },
			el( wp.components.CheckboxControl, {
				label: __( 'Members only', 'supporters-membership' ),
				help: __( 'Non-members get the teaser and an invitation to become a member.', 'supporters-membership' ),
				checked: !! meta[ META ],
				onChange: function ( value ) {
					var change = {};
					change[ META ] = value;
					editPost( { meta: change } );
				}
			} )
		);
	}

	wp.plugins.registerPlugin( 'supporters-membership', { render: MembersOnlyPanel, icon: 'lock' } );
} )( window.wp );
