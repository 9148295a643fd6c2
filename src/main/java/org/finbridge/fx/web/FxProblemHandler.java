package org.finbridge.fx.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = {ReferenceRateController.class, QuoteController.class, ExposureController.class,
        PricingTierController.class})
class FxProblemHandler {

    @ExceptionHandler(FxProblems.InvalidField.class)
    ResponseEntity<ProblemDetail> invalid(FxProblems.InvalidField e) {
        return FxProblems.invalid(e.code, e.field, e.getMessage());
    }
}
