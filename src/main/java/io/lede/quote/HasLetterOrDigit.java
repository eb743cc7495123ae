package io.lede.quote;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name that has at least one letter or digit: a name of combining marks, joiners or punctuation
 * alone folds to nothing and would merge with every other such name. Null and blank are left to
 * {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = HasLetterOrDigit.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface HasLetterOrDigit {

    String message() default "must contain a letter or a digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HasLetterOrDigit, String> {
        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || text.isBlank() || text.codePoints().anyMatch(Character::isLetterOrDigit);
        }
    }
}
