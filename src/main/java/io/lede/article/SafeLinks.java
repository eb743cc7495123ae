package io.lede.article;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Text whose inline links {@code [text](url)} point only to http, https or mailto URLs. */
@Documented
@Constraint(validatedBy = SafeLinks.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeLinks {

    String message() default "inline links may only point to http, https or mailto URLs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeLinks, String> {
        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return BodyBlock.linksAreSafe(text);
        }
    }
}
