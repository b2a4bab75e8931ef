package backprop.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
    private static final MessageTemplates FORMAT = new MessageTemplates(
            "assertThat(s).as(\"σ(%s), finite and right; e^%s overflows to ∞ in double\", z, Math.abs(z))");
    private static final MessageTemplates CONCATENATION = new MessageTemplates(
            "throw new IllegalStateException(name + \" is \" + Shapes.of(grad) + \" but \" + of + \" is \" + Shapes.of(w) + \": a gradient\");");

    @Test
    void aQuoteWithTheHolesFilledIsFound() {
        assertThat(FORMAT.contains("σ(710.0), finite and right; e^710.0 overflows to ∞ in double")).isTrue();
        assertThat(FORMAT.contains("finite and right; e^710.0 overflows")).isTrue();
        assertThat(CONCATENATION.contains("wGrad1 is 3×6 but weights1 is 3×5")).isTrue();
    }

    @Test
    void aQuoteWhoseWordsDifferFromTheTemplateIsNot() {
        assertThat(FORMAT.contains("σ(710.0), finite and correct; e^710.0 overflows to ∞ in double")).isFalse();
        assertThat(FORMAT.contains("σ(710.0), finite and right; e^710.0 overflows to infinity")).isFalse();
        assertThat(CONCATENATION.contains("wGrad1 is 3×6 and weights1 is 3×5")).isFalse();
        assertThat(FORMAT.contains("finite and wrong; e^710.0 overflows to ∞ in double")).isFalse();
    }

    @Test
    void holesAloneWithLittleLiteralTextBetweenThemAreNotEnough() {
        // " is " and " but " share too little with the template to say it is this message.
        assertThat(CONCATENATION.contains("this is it but not")).isFalse();
        assertThat(FORMAT.contains("σ(710.0), finite")).isFalse();
    }
}
