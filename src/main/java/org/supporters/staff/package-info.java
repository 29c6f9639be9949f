/**
 * Staff: sign-in, staff users and their roles, and the audit log of what they did. Other
 * modules' admin features use two public types: {@link org.supporters.staff.AuditLog} to
 * record a change in the transaction that makes it, and
 * {@link org.supporters.staff.SignedInStaff} to know who asks;
 * {@link org.supporters.staff.StaffAdmins} gives the admins' addresses to tell of
 * trouble.
 */
package org.supporters.staff;
