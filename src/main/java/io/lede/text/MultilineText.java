package io.lede.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotation;

/**
 * Marks a text field of a request that may hold several lines (tab, CR and LF allowed): body
 * blocks, standfirsts, quote text and context, captions. Every other text is one line; see
 * {@link TextRule}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotation
public @interface MultilineText {
}
