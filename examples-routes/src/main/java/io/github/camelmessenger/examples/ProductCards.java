package io.github.camelmessenger.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.GenericTemplate;

/**
 * Flow 6: turns product rows (camel-sql's {@code List<Map>} with the keys {@code id}, {@code title},
 * {@code subtitle}, {@code imagePath}, {@code buyUrl}) into a carousel, one card per row. Images are served by the
 * app itself ({@code /example/images/...}) under its public URL, which the platform must be able to fetch.
 */
public class ProductCards {

    private static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9-]{1,40}\\.svg");

    private final String publicUrl;

    public ProductCards(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public GenericTemplate cards(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("No products in table example_product: a carousel needs at least one");
        }
        return GenericTemplate.of(rows.stream().map(this::card).toList());
    }

    /** The image {@code images/<name>} of the classpath, or null when there is none by that name. */
    public byte[] image(String name) {
        if (name == null || !IMAGE_NAME.matcher(name).matches()) {
            return null;
        }
        try (InputStream in = ProductCards.class.getClassLoader().getResourceAsStream("images/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GenericElement card(Map<String, Object> row) {
        GenericElement.Builder card = GenericElement.builder()
                .title(String.valueOf(row.get("title")))
                .subtitle(text(row.get("subtitle")))
                .button(Button.postback("Tell me more", "PRODUCT_" + row.get("id")));
        String image = text(row.get("imagePath"));
        if (image != null) {
            card.imageUrl(image.contains("://") ? image : publicUrl + image);
        }
        String buy = text(row.get("buyUrl"));
        if (buy != null) {
            card.button(Button.url("Buy", buy));
        }
        return card.build();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
