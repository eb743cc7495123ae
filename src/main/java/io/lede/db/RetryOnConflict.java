package io.lede.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A write that loses a race to another is run again, whole, in a fresh transaction.
 *
 * <p>Every rule that two writers could break together is held by the database (unique slugs,
 * one article per language in a translation group, one speaker per name, foreign keys, versions),
 * and every such rule is also checked by the service before it writes, with an answer the client
 * can act on. When two writers pass the check together, the database refuses one of them; run
 * again, that one's checks see the winner's committed rows and it gets the answer it would have
 * got had it come second: a clean 404, 409 or 400, or success (a speaker now found, a slug with a
 * suffix). See {@link Conflicts} for what counts as a lost race.
 */
@InterceptorBinding
@Inherited
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnConflict {
}
