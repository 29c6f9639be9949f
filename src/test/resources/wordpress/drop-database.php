<?php
/* php drop-database.php <name>: the test site's database goes when the test ends. */
$db = new mysqli( '127.0.0.1', 'root', '', '', 3306 );
$db->query( 'DROP DATABASE IF EXISTS `' . preg_replace( '/[^a-z0-9_]/', '', $argv[1] ) . '`' );
