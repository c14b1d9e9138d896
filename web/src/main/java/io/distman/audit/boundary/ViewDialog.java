package io.distman.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * Opens the View page as a PrimeFaces dialog from any table: {@code action="#{viewDialog.open(row.deliveryId())}"}.
 * The page itself checks the account, so this needs none.
 */
@Named("viewDialog")
@RequestScoped
public class ViewDialog {

    public void open(long deliveryId) {
        Map<String, Object> options = Map.of("modal", true, "width", "90vw", "height", "85vh",
                "contentWidth", "100%", "contentHeight", "100%", "resizable", true, "draggable", true,
                "closeOnEscape", true, "headerElement", "dm-view-header");
        PrimeFaces.current().dialog().openDynamic("/app/view", options,
                Map.of("id", List.of(String.valueOf(deliveryId))));
    }
}
