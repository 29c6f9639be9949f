/**
 * Staff: sign-in, staff users and their roles, and the audit log of what they did.
 */
package org.supporters.staff;
