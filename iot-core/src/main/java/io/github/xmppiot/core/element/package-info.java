/**
 * Elements shared by several XEP modules: the XEP-0336 (Data Forms - Dynamic Forms) field flags
 * ({@link io.github.xmppiot.core.element.DynamicFormFlag}) that XEP-0325 control forms and XEP-0326 parameter forms
 * both carry. One element type per XML element, so that the provider registered by one module never hides another
 * module's type.
 */
package io.github.xmppiot.core.element;
