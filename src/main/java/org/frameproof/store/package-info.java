/** The H2 database, its migrations and repositories. The only package that uses java.sql or org.h2. */
package org.frameproof.store;
