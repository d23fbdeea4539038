package io.github.camelmessenger.internal.send;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.model.AccountLinkButton;
import io.github.camelmessenger.model.AccountUnlinkButton;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.ButtonTemplate;
import io.github.camelmessenger.model.CallButton;
import io.github.camelmessenger.model.DefaultAction;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.GenericTemplate;
import io.github.camelmessenger.model.MediaElement;
import io.github.camelmessenger.model.MediaTemplate;
import io.github.camelmessenger.model.OneTimeNotifRequestTemplate;
import io.github.camelmessenger.model.PostbackButton;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.UrlButton;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trees {@link ModelTree} builds are the ones Jackson makes from the model's annotations, field order included.
 * The records are filled by reflection, every component set, so a component added to a record and not to
 * {@link ModelTree} fails here.
 */
class ModelTreeTest {

    private static final List<Class<? extends Button>> BUTTONS = List.of(UrlButton.class, PostbackButton.class,
            CallButton.class, AccountLinkButton.class, AccountUnlinkButton.class);

    @ParameterizedTest
    @ValueSource(classes = { GenericTemplate.class, ButtonTemplate.class, MediaTemplate.class,
            OneTimeNotifRequestTemplate.class, GenericElement.class, MediaElement.class, UrlButton.class,
            PostbackButton.class, CallButton.class, AccountLinkButton.class, AccountUnlinkButton.class,
            DefaultAction.class, QuickReply.class })
    void everyComponentSetGivesJacksonsTree(Class<?> type) {
        Object model = filled(type, true);
        assertSameTree(model);
    }

    @ParameterizedTest
    @ValueSource(classes = { GenericTemplate.class, ButtonTemplate.class, MediaTemplate.class,
            OneTimeNotifRequestTemplate.class, GenericElement.class, MediaElement.class, UrlButton.class,
            PostbackButton.class, CallButton.class, AccountLinkButton.class, DefaultAction.class, QuickReply.class })
    void nullComponentsAreLeftOutAsJacksonLeavesThemOut(Class<?> type) {
        assertSameTree(filled(type, false));
    }

    @Test
    void emptyButtonListsAreLeftOutOfElementsOnly() {
        assertSameTree(new GenericElement("Title", null, null, null, List.of()));
        assertSameTree(new MediaElement("image", "123", null, List.of()));
        assertSameTree(new ButtonTemplate("Text", List.of(), null));
    }

    @Test
    void aListOfModelObjectsBecomesAnArrayAndAnythingElseIsLeftToJackson() {
        List<Object> cards = List.of(filled(GenericElement.class, true), filled(GenericElement.class, false));
        assertThat(ModelTree.ofAll(cards).toString()).isEqualTo(Json.MAPPER.valueToTree(cards).toString());
        assertThat(ModelTree.ofAll(List.of(filled(GenericElement.class, true), Map.of("title", "x")))).isNull();
        assertThat(ModelTree.of(SendRequest.class.getName())).isNull();
        List<Object> mixed = List.of(new QuickReply("text", "A", "B", null), Map.of("content_type", "user_email"));
        assertThat(ModelTree.array(mixed).toString()).isEqualTo(Json.MAPPER.valueToTree(mixed).toString());
    }

    @Test
    void theBodyOfASendIsTheSameTreeEitherWay() {
        GenericTemplate template = (GenericTemplate) filled(GenericTemplate.class, true);
        ObjectNode read = BodyTree.read(template);
        assertThat(read.toString()).isEqualTo(Json.MAPPER.valueToTree(template).toString());
        ObjectNode cards = BodyTree.read(template.elements());
        assertThat(cards.get("elements").toString())
                .isEqualTo(Json.MAPPER.valueToTree(template.elements()).toString());
    }

    private static void assertSameTree(Object model) {
        ObjectNode built = ModelTree.of(model);
        assertThat(built).as("a tree for %s", model.getClass().getSimpleName()).isNotNull();
        // toString, not equals: ObjectNode.equals ignores the order the fields are written in
        assertThat(built.toString()).isEqualTo(Json.MAPPER.valueToTree(model).toString());
    }

    /** A record with every component set (or every nullable one left null), nested records filled alike. */
    private static Object filled(Class<?> type, boolean all) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(components[i], all);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }

    private static Object value(RecordComponent component, boolean all) {
        Class<?> type = component.getType();
        String name = component.getName();
        // the few a record needs to be valid at all, kept in the minimal form too
        boolean required = name.equals("title") || name.equals("text") || name.equals("elements")
                           || name.equals("mediaType") || name.equals("contentType") || name.equals("url");
        if (!all && !required) {
            return null;
        }
        if (type == String.class) {
            return name.equals("url") ? "https://example.com/" + name : name + "-value";
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == DefaultAction.class) {
            return filled(DefaultAction.class, all);
        }
        if (type == List.class) {
            Type item = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            if (item == Button.class) {
                for (Class<? extends Button> button : BUTTONS) {
                    items.add(filled(button, all));
                }
            } else {
                items.add(filled((Class<?>) item, all));
                items.add(filled((Class<?>) item, !all));
            }
            return items;
        }
        throw new IllegalStateException("no test value for " + component);
    }
}
